import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDental } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function AuthLayout({ title, subtitle, children, width = 400 }: { title: string; subtitle: string; children: ReactNode; width?: number }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack gap="lg" w={width}>
        <Group gap="xs" justify="center">
          <ThemeIcon size={36} radius="md" variant="filled">
            <IconDental size={22} />
          </ThemeIcon>
          <Text fw={700} fz={22} c="petrol.9">
            Chairside
          </Text>
        </Group>
        <Paper withBorder shadow="xs" p="xl" radius="md">
          <Box mb="lg">
            <Title order={2} fz={20}>
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {subtitle}
            </Text>
          </Box>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
