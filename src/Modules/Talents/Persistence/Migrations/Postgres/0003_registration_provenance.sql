-- Registration-level provenance: the source and registrar of the values given at registration.
-- Field-level rows in talents_field_provenance now record only values changed after registration
-- (see Talent.ProvenanceOf). Existing per-field rows stay valid: a row always wins over the default.
ALTER TABLE talents_talents
  ADD COLUMN registration_source text NOT NULL DEFAULT 'manual',
  ADD COLUMN registered_by uuid NULL;
