-- Lab follow-up (issue 9), first step: the practice's directory of labs.
-- A lab is hidden (archived_at), never deleted: its cases keep pointing at it.
ALTER TABLE labs ADD COLUMN address TEXT CHECK (address IS NULL OR length(address) <= 300);
ALTER TABLE labs ADD COLUMN notes TEXT CHECK (notes IS NULL OR length(notes) <= 2000);
