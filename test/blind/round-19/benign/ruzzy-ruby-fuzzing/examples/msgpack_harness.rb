# frozen_string_literal: true

require "ruzzy"
require "msgpack"

test_one_input = lambda do |data|
  begin
    obj = MessagePack.unpack(data)
    # Round-trip: anything we can decode we must be able to encode and decode again identically.
    again = MessagePack.unpack(MessagePack.pack(obj))
    raise "round-trip mismatch" unless again == obj || (obj.is_a?(Float) && obj.nan?)
  rescue MessagePack::MalformedFormatError, MessagePack::StackError, EOFError, ArgumentError, RangeError
    nil
  end
  0
end

Ruzzy.fuzz(test_one_input)
