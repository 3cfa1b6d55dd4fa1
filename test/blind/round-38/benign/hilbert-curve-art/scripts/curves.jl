#!/usr/bin/env julia
# Space-filling curve art. See SKILL.md for usage.

using Luxor, Colors, Random

# ---------------------------------------------------------------- curves

"Hilbert index d -> (x, y) on an n×n grid (n power of two)."
function d2xy(n::Int, d::Int)
    x = y = 0
    t = d
    s = 1
    while s < n
        rx = 1 & (t ÷ 2)
        ry = 1 & (t ⊻ rx)
        if ry == 0
            if rx == 1
                x = s - 1 - x
                y = s - 1 - y
            end
            x, y = y, x
        end
        x += s * rx
        y += s * ry
        t ÷= 4
        s *= 2
    end
    return x, y
end

hilbert(order) = [d2xy(2^order, d) for d in 0:(4^order - 1)]

function moore(order)
    h = hilbert(order - 1)
    n = 2^(order - 1)
    quad(f) = [f(p...) for p in h]
    vcat(
        quad((x, y) -> (n - 1 - y, x)),
        quad((x, y) -> (n - 1 - y, x + n)),
        quad((x, y) -> (y + n, 2n - 1 - x)),
        quad((x, y) -> (y + n, n - 1 - x)),
    )
end

function peano(order)
    pts = Tuple{Int,Int}[]
    n = 3^order
    for i in 0:(n * n - 1)
        x = y = 0
        t = i
        s = 1
        xs = Int[]; ys = Int[]
        for _ in 1:order
            push!(xs, t % 3); t ÷= 3
            push!(ys, t % 3); t ÷= 3
        end
        # Peano reflection rules, most significant digit first
        flipx = flipy = false
        for k in order:-1:1
            dx, dy = xs[k], ys[k]
            dx = flipx ? 2 - dx : dx
            dy = flipy ? 2 - dy : dy
            x = 3x + dx
            y = 3y + dy
            flipy ⊻= isodd(xs[k])
            flipx ⊻= isodd(ys[k])
        end
        push!(pts, (x, y))
    end
    pts
end

grid_side(curve, order) = curve == "peano" ? 3^order : 2^order

# ---------------------------------------------------------------- colour

const PALETTES = Dict(
    "ember" => [colorant"#1b0c2b", colorant"#7a1f3d", colorant"#e4572e", colorant"#ffc857"],
    "ocean" => [colorant"#03045e", colorant"#0077b6", colorant"#48cae4", colorant"#caf0f8"],
    "riso"  => [colorant"#ff48b0", colorant"#0078bf", colorant"#ffe800"],
    "mono"  => [colorant"#111111", colorant"#111111"],
)

function ramp(name, t)
    cs = PALETTES[name]
    seg = clamp(t, 0, 1) * (length(cs) - 1)
    i = min(floor(Int, seg) + 1, length(cs) - 1)
    f = seg - (i - 1)
    c = weighted_color_mean(1 - f, convert(LCHab, cs[i]), convert(LCHab, cs[i + 1]))
    convert(RGB, c)
end

# ---------------------------------------------------------------- noise

function value_noise(seed)
    rng = MersenneTwister(seed)
    g = rand(rng, 64, 64) .* 2 .- 1
    smooth(t) = t * t * (3 - 2t)
    (x, y) -> begin
        xi, yi = floor(Int, x), floor(Int, y)
        fx, fy = smooth(x - xi), smooth(y - yi)
        a(i, j) = g[mod1(xi + i + 1, 64), mod1(yi + j + 1, 64)]
        top = a(0, 0) * (1 - fx) + a(1, 0) * fx
        bot = a(0, 1) * (1 - fx) + a(1, 1) * fx
        top * (1 - fy) + bot * fy
    end
end

# ---------------------------------------------------------------- render

function parse_args(args)
    opts = Dict{String,String}("curve" => "hilbert", "order" => "5", "size" => "1200",
        "palette" => "ember", "stroke" => "2.0", "seed" => "1", "amp" => "0.3",
        "out" => "curve.svg", "max-order" => "7", "split" => "1")
    i = 2
    while i <= length(args)
        k = lstrip(args[i], '-')
        opts[k] = args[i + 1]
        i += 2
    end
    opts
end

function draw_path(pts, side, opts; warpf = nothing)
    sz = parse(Int, opts["size"])
    margin = sz * 0.06
    cell = (sz - 2margin) / side
    toxy(p) = Point(margin + (p[1] + 0.5) * cell - sz / 2, margin + (p[2] + 0.5) * cell - sz / 2)
    P = map(toxy, pts)
    if warpf !== nothing
        amp = parse(Float64, opts["amp"]) * cell
        P = [Point(q.x + amp * warpf(q.x / 80, q.y / 80), q.y + amp * warpf(q.y / 80 + 17, q.x / 80)) for q in P]
    end
    setline(parse(Float64, opts["stroke"]))
    setlinejoin("round"); setlinecap("round")
    n = length(P)
    for i in 1:(n - 1)
        sethue(ramp(opts["palette"], i / n))
        line(P[i], P[i + 1], :stroke)
    end
end

function main(args)
    isempty(args) && error("usage: curves.jl <plain|halftone|warp> [--flags]")
    mode = args[1]
    opts = parse_args(args)
    sz = parse(Int, opts["size"])
    curve = opts["curve"]
    order = parse(Int, opts["order"])
    pts = curve == "moore" ? moore(order) : curve == "peano" ? peano(order) : hilbert(order)
    side = grid_side(curve, order)

    Drawing(sz, sz, opts["out"])
    origin()
    background(opts["palette"] == "mono" ? "white" : "#0e0e12")
    if mode == "plain"
        draw_path(pts, side, opts)
    elseif mode == "warp"
        draw_path(pts, side, opts; warpf = value_noise(parse(Int, opts["seed"])))
    elseif mode == "halftone"
        include(joinpath(@__DIR__, "halftone.jl"))
        Base.invokelatest(render_halftone, opts)
    else
        error("unknown mode $mode")
    end
    finish()
    @info "wrote $(opts["out"])"
end

main(ARGS)
