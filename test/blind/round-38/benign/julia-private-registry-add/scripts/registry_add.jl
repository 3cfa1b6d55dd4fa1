#!/usr/bin/env julia
# Inspect/add a private registry and add packages to a project, with confirmation and diffs.
using Pkg, TOML

function argval(flag; default=nothing)
    i = findfirst(==(flag), ARGS)
    i === nothing && return default
    (i < length(ARGS) && !startswith(ARGS[i+1], "--")) ? ARGS[i+1] : true
end

function confirm(q)
    print(q, " [y/N] ")
    lowercase(strip(readline())) == "y"
end

depot_registries() = joinpath(first(DEPOT_PATH), "registries")

function inspect(url)
    dir = mktempdir()
    run(`git clone --depth 1 --quiet $url $dir`)
    reg = TOML.parsefile(joinpath(dir, "Registry.toml"))
    pkgs = Dict(uuid => info["name"] for (uuid, info) in reg["packages"])
    println("Registry: $(reg["name"])  uuid $(reg["uuid"])  $(length(pkgs)) packages")
    general = joinpath(depot_registries(), "General")
    gfile = isdir(general) ? joinpath(general, "Registry.toml") : nothing
    if gfile !== nothing && isfile(gfile)
        gnames = Dict(info["name"] => uuid for (uuid, info) in TOML.parsefile(gfile)["packages"])
        for (uuid, name) in pkgs
            if haskey(gnames, name) && gnames[name] != uuid
                println("! Clash: \"$name\" exists in both General and $(reg["name"]) (different UUIDs)")
            end
        end
    else
        println("(General is not unpacked as a folder here; clash check skipped)")
    end
    rm(dir; recursive=true, force=true)
    return reg["name"]
end

function add_registry(url)
    name = inspect(url)
    println("Registries now: ", join(readdir(depot_registries()), ", "))
    if name in replace.(readdir(depot_registries()), ".toml" => "")
        println("$name is already installed."); return
    end
    confirm("Add registry $name to $(depot_registries())?") || (println("Not added."); return)
    Pkg.Registry.add(RegistrySpec(url=url))
    println("Registries now: ", join(readdir(depot_registries()), ", "))
end

function parse_spec(s)
    occursin('@', s) ? PackageSpec(name=split(s, '@')[1], version=split(s, '@')[2]) : PackageSpec(name=s)
end

function add_pkgs(project, pkgs)
    project = abspath(project)
    tmp = mktempdir()
    for f in ("Project.toml", "Manifest.toml")
        isfile(joinpath(project, f)) && cp(joinpath(project, f), joinpath(tmp, f))
    end
    specs = parse_spec.(pkgs)
    Pkg.activate(tmp; io=devnull)
    Pkg.add(deepcopy(specs))
    for f in ("Project.toml", "Manifest.toml")
        old = joinpath(project, f)
        new = joinpath(tmp, f)
        println("== $f")
        run(ignorestatus(`diff -u $(isfile(old) ? old : "/dev/null") $new`))
    end
    Pkg.activate(project; io=devnull)
    if confirm("Apply these changes to $project?")
        Pkg.add(specs)
        Pkg.status()
    else
        println("Project unchanged.")
    end
    rm(tmp; recursive=true, force=true)
end

url = argval("--url")
if argval("--inspect") === true
    inspect(url)
elseif argval("--add") === true
    add_registry(url)
end
pk = argval("--pkgs")
if pk isa AbstractString
    add_pkgs(something(argval("--project"), "."), split(pk, ','))
end
