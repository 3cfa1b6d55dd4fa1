#!/usr/bin/env Rscript
# Install packages from a user-supplied company repository. Modes: --check, --plan, --install, --write-rprofile

args <- commandArgs(trailingOnly = TRUE)
opt <- function(name, default = NULL) {
  i <- which(args == name)
  if (length(i) && i < length(args) && !startsWith(args[i + 1], "--")) return(args[i + 1])
  if (length(i)) return(TRUE)
  default
}
repo_arg <- opt("--repo")
if (is.null(repo_arg) || isTRUE(repo_arg)) stop("--repo NAME=URL is required")
parts <- strsplit(repo_arg, "=", fixed = TRUE)[[1]]
repo_name <- parts[1]; repo_url <- paste(parts[-1], collapse = "=")
pkgs <- if (!is.null(opt("--pkgs"))) strsplit(opt("--pkgs"), ",")[[1]] else character()
cran <- opt("--cran", "https://cloud.r-project.org")

repos <- c(setNames(repo_url, repo_name), CRAN = cran)

ask <- function(q) {
  cat(q, " [y/N] ")
  tolower(trimws(readLines(file("stdin"), n = 1))) == "y"
}

if (isTRUE(opt("--check")) || isTRUE(opt("--plan")) || isTRUE(opt("--install"))) {
  company <- available.packages(repos = repos[repo_name])
  cat(sprintf("%s lists %d packages\n", repo_name, nrow(company)))
  public <- tryCatch(available.packages(repos = repos["CRAN"]), error = function(e) NULL)
  for (p in pkgs) {
    inc <- p %in% rownames(company)
    inp <- !is.null(public) && p %in% rownames(public)
    cat(sprintf("  %-20s company: %-10s CRAN: %s\n", p,
                if (inc) company[p, "Version"] else "-", if (inp) public[p, "Version"] else "-"))
    if (inc && inp) cat("    ! name exists on both; check which one you want\n")
    if (!inc) cat("    ! not in company repo\n")
  }
}

if (isTRUE(opt("--plan")) || isTRUE(opt("--install"))) {
  db <- available.packages(repos = repos)
  deps <- tools::package_dependencies(pkgs, db = db, which = c("Depends", "Imports", "LinkingTo"), recursive = TRUE)
  need <- setdiff(unique(c(pkgs, unlist(deps))), rownames(installed.packages()))
  need <- intersect(need, rownames(db))
  cat("\nWill install into", .libPaths()[1], ":\n")
  for (p in need) cat(sprintf("  %-20s %-10s from %s\n", p, db[p, "Version"], db[p, "Repository"]))
}

if (isTRUE(opt("--install"))) {
  if (!ask("Proceed with installation?")) quit(status = 0)
  if (file.exists("renv.lock") && requireNamespace("renv", quietly = TRUE)) {
    options(repos = repos)
    renv::install(pkgs, prompt = FALSE)
    before <- readLines("renv.lock")
    if (ask("Update renv.lock with renv::snapshot()? (diff shown first)")) {
      renv::snapshot(prompt = FALSE, type = "implicit")
      after <- readLines("renv.lock")
      tf1 <- tempfile(); tf2 <- tempfile(); writeLines(before, tf1); writeLines(after, tf2)
      system2("diff", c("-u", tf1, tf2))
    }
  } else {
    install.packages(pkgs, repos = repos)
  }
}

if (isTRUE(opt("--write-rprofile"))) {
  block <- c(
    "## company package repo (added by r-company-repo-install)",
    "local({",
    "  r <- getOption(\"repos\")",
    sprintf("  r[\"%s\"] <- \"%s\"", repo_name, repo_url),
    "  options(repos = r)",
    "})")
  old <- if (file.exists(".Rprofile")) readLines(".Rprofile") else character()
  if (any(grepl("added by r-company-repo-install", old, fixed = TRUE))) {
    cat(".Rprofile already has the block; not changing it.\n"); quit(status = 0)
  }
  cat("--- .Rprofile\n+++ .Rprofile (proposed)\n"); cat(paste0("+", block), sep = "\n")
  if (ask("Append this to ./.Rprofile?")) {
    if (length(old)) file.copy(".Rprofile", ".Rprofile.bak", overwrite = TRUE)
    writeLines(c(old, "", block), ".Rprofile")
    cat("Written. Restart R for it to take effect.\n")
  }
}
