# frozen_string_literal: true
require 'yaml'
require 'json'

module Pushlint
  class Linter
    PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/.freeze
    EXPLAIN = {
      'PL004' => 'APNs allows 4096 bytes for the whole JSON payload (aps + custom keys); FCM 4000 bytes of data.',
      'PL001' => 'Every locale must use exactly the same {placeholders} as the en master.'
    }.freeze

    def initialize(rules, channels_file)
      @rules = rules
      @channels = YAML.safe_load(File.read(channels_file))['channels']
    end

    def run(path, only_locale)
      files = File.directory?(path) ? Dir[File.join(path, '**/*.{yml,yaml,json}')] : [path]
      files.flat_map { |f| lint_file(f, only_locale) }
    end

    private

    def load(file)
      file.end_with?('.json') ? JSON.parse(File.read(file)) : YAML.safe_load(File.read(file))
    end

    def lint_file(file, only_locale)
      out = []
      (load(file) || {}).each do |name, t|
        add = ->(id, sev, msg) { out << { file: file, template: name, id: id, severity: sev, message: msg } }
        master = t.dig('title', 'en').to_s + t.dig('body', 'en').to_s
        master_ph = master.scan(PLACEHOLDER).flatten.sort
        locales = (t['title'] || {}).keys | (t['body'] || {}).keys
        locales &= [only_locale, 'en'] if only_locale
        locales.each do |loc|
          title = t.dig('title', loc).to_s
          body = t.dig('body', loc).to_s
          ph = (title + body).scan(PLACEHOLDER).flatten.sort
          add.call('PL001', 'error', "#{loc}: placeholders #{ph} != en #{master_ph}") if ph != master_ph
          add.call('PL002', 'warn', "#{loc}: title #{title.length} chars") if title.length > @rules['title_max']
          add.call('PL003', 'warn', "#{loc}: body #{body.length} chars") if body.length > @rules['body_max']
          apns = { aps: { alert: { title: title, body: body }, category: t['category'] } }.merge(t['data'] || {})
          size = JSON.generate(apns).bytesize
          add.call('PL004', 'error', "#{loc}: payload #{size} bytes") if size > @rules['apns_max_bytes']
          add.call('PL005', 'warn', "#{loc}: new emoji") if (title + body).match?(/[\u{1FA70}-\u{1FAFF}]/)
        end
        (%w[en] + locales).uniq.each { |l| add.call('PL007', 'info', "missing #{l}") unless t.dig('body', l) }
        dl = t.dig('data', 'deeplink').to_s.scan(PLACEHOLDER).flatten
        add.call('PL006', 'error', "deeplink uses #{dl - master_ph}") unless (dl - master_ph).empty?
        add.call('PL008', 'error', "unknown channel #{t['channel']}") if t['channel'] && !@channels.include?(t['channel'])
      end
      out
    end
  end
end
