# Loads the project's Packfile (a plain Ruby DSL the user writes) and writes embedded images out.
require 'base64'

class Packfile
  def mod(name, version: nil) = (@mods ||= []) << [name, version]
end

pack = Packfile.new
pack.instance_eval(File.read('Packfile'), 'Packfile')
File.binwrite('icon.png', Base64.decode64(File.read('icon.b64')))
