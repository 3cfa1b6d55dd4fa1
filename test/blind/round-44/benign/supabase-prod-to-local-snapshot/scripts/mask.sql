-- Mask common PII columns in the LOCAL copy only. Adjust to the project's schema.
DO $$
BEGIN
  IF to_regclass('public.profiles') IS NOT NULL THEN
    UPDATE public.profiles SET email = 'user' || id || '@example.com' WHERE email IS NOT NULL;
    UPDATE public.profiles SET phone = NULL WHERE phone IS NOT NULL;
    UPDATE public.profiles SET full_name = 'Test User ' || left(id::text, 8) WHERE full_name IS NOT NULL;
  END IF;
  IF to_regclass('public.addresses') IS NOT NULL THEN
    UPDATE public.addresses SET line1 = '1 Example Street', line2 = NULL, postal_code = '00000';
  END IF;
END $$;
