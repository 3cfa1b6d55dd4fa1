# Adaptive Hilbert halftone: subdivide cells where the image is dark.
using FileIO, ImageCore

function render_halftone(opts)
    img = Gray.(load(opts["image"]))
    h, w = size(img)
    sz = parse(Int, opts["size"])
    maxo = parse(Int, opts["max-order"])
    lum(x0, y0, s) = begin
        xs = clamp.(round.(Int, range(x0, x0 + s, length = 4) .* w), 1, w)
        ys = clamp.(round.(Int, range(y0, y0 + s, length = 4) .* h), 1, h)
        sum(Float64(img[y, x]) for y in ys, x in xs) / 16
    end
    pts = Point[]
    # recursive Hilbert with per-cell depth decision; orientation via (a,b) basis vectors
    function rec(x0, y0, ax, ay, bx, by, depth)
        s = hypot(ax, ay)
        cx, cy = x0 + (ax + bx) / 2, y0 + (ay + by) / 2
        dark = 1 - lum(min(x0, x0 + ax + bx), min(y0, y0 + ay + by), s)
        if depth >= maxo || dark < depth / maxo
            push!(pts, Point((cx - 0.5) * sz * 0.9, (cy - 0.5) * sz * 0.9))
            return
        end
        hx, hy, kx, ky = ax / 2, ay / 2, bx / 2, by / 2
        rec(x0, y0, kx, ky, hx, hy, depth + 1)
        rec(x0 + kx, y0 + ky, hx, hy, kx, ky, depth + 1)
        rec(x0 + kx + hx, y0 + ky + hy, hx, hy, kx, ky, depth + 1)
        rec(x0 + kx + 2hx - hx + hx - hx, y0 + ky + hy + hy - hy, -kx, -ky, -hx + 0, -hy + 0, depth + 1)
    end
    rec(0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1)
    sethue("black")
    setline(parse(Float64, opts["stroke"]))
    poly(pts, :stroke)
end
