import { describe, expect, it } from 'vitest';
import { checkSite, parseTooth, surfacesFromText, surfacesToText } from '../../shared/domain/teeth';

describe('parseTooth', () => {
  it('knows front and back teeth in both dentitions', () => {
    expect(parseTooth('1')).toMatchObject({ dentition: 'permanent', position: 'posterior', supernumerary: false });
    expect(parseTooth('6')?.position).toBe('anterior');
    expect(parseTooth('11')?.position).toBe('anterior');
    expect(parseTooth('12')?.position).toBe('posterior');
    expect(parseTooth('21')?.position).toBe('posterior');
    expect(parseTooth('22')?.position).toBe('anterior');
    expect(parseTooth('27')?.position).toBe('anterior');
    expect(parseTooth('28')?.position).toBe('posterior');
    expect(parseTooth('A')).toMatchObject({ dentition: 'primary', position: 'posterior' });
    expect(parseTooth('C')?.position).toBe('anterior');
    expect(parseTooth('J')?.position).toBe('posterior');
    expect(parseTooth('M')?.position).toBe('anterior');
    expect(parseTooth('S')?.position).toBe('posterior');
  });

  it('maps supernumerary teeth onto the tooth they accompany', () => {
    expect(parseTooth('58')).toMatchObject({ supernumerary: true, position: 'anterior' }); // beside 8
    expect(parseTooth('51')).toMatchObject({ supernumerary: true, position: 'posterior' });
    expect(parseTooth('82')?.position).toBe('posterior');
    expect(parseTooth('ES')).toMatchObject({ dentition: 'primary', supernumerary: true, position: 'anterior' });
    expect(parseTooth('TS')?.position).toBe('posterior');
  });

  it.each(['0', '00', '08', '33', '50', '83', 'U', 'a', 'AA', 'US', ' 8', '8 ', '', '1.5'])('rejects %j', (raw) => {
    expect(parseTooth(raw)).toBeNull();
  });
});

describe('checkSite', () => {
  it('puts surfaces in stored order', () => {
    expect(checkSite({ toothNumber: '14', surfaces: ['L', 'D', 'O', 'M', 'B'] })).toEqual({ issues: [], surfaces: ['M', 'O', 'D', 'B', 'L'] });
    expect(checkSite({ toothNumber: '8', surfaces: ['V', 'F', 'I'] }).surfaces).toEqual(['I', 'F', 'V']);
  });

  it('allows nothing, an area alone, or a tooth without surfaces', () => {
    expect(checkSite({}).issues).toEqual([]);
    expect(checkSite({ area: 'LL' }).issues).toEqual([]);
    expect(checkSite({ area: 'U' }).issues).toEqual([]);
    expect(checkSite({ toothNumber: 'K' }).issues).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(checkSite({ area: 'NE' }).issues[0]?.message).toBe('"NE" is not an area: use UR, UL, LR, LL, U or L.');
    expect(checkSite({ toothNumber: '8', surfaces: ['O', 'B'] }).issues.map((i) => i.message)).toEqual([
      'Tooth 8 is a front tooth: use I (incisal) instead of O.',
      'Tooth 8 is a front tooth: use F (facial) instead of B.',
    ]);
  });

  it('round-trips stored text', () => {
    expect(surfacesToText(['D', 'M', 'O'])).toBe('MOD');
    expect(surfacesFromText('MOD')).toEqual(['M', 'O', 'D']);
    expect(surfacesFromText(null)).toEqual([]);
  });
});
