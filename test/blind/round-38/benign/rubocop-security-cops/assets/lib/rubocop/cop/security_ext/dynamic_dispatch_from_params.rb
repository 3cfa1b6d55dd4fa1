# frozen_string_literal: true

module RuboCop
  module Cop
    module SecurityExt
      # Flags dynamic method dispatch where the method name comes from request params.
      #
      # Calling `send`/`public_send` with a user-controlled symbol lets a request invoke
      # any public (or, with `send`, private) method on the receiver.
      #
      # @example
      #   # bad
      #   report.public_send(params[:format])
      #   record.send("#{params[:field]}=", value)
      #
      #   # good
      #   FORMATS = { "csv" => :to_csv, "json" => :to_json }.freeze
      #   report.public_send(FORMATS.fetch(params[:format]))
      class DynamicDispatchFromParams < Base
        MSG = "Avoid `%<method>s` with a method name derived from `params`: " \
              "it allows arbitrary method invocation. Map allowed values explicitly."

        RESTRICT_ON_SEND = %i[send public_send __send__ try method].freeze

        # @!method params_access?(node)
        def_node_search :params_access?, <<~PATTERN
          (send {nil? (send nil? :request)} {:params :query_parameters :request_parameters})
        PATTERN

        # @!method dispatch(node)
        def_node_matcher :dispatch, <<~PATTERN
          (call $_receiver $_method $_name_arg ...)
        PATTERN

        def on_send(node)
          dispatch(node) do |receiver, method, name_arg|
            next unless params_access?(name_arg)
            next if allowed_receiver?(receiver)

            add_offense(node.loc.selector, message: format(MSG, method: method))
          end
        end
        alias on_csend on_send

        private

        def allowed_receiver?(receiver)
          return false if receiver.nil?

          allowed = Array(cop_config.fetch("AllowedReceivers", []))
          allowed.include?(receiver.source)
        end
      end
    end
  end
end
