#!/usr/bin/env Rscript
# Summarise the renv state of the project in the current working directory.

suppressPackageStartupMessages({
  if (!requireNamespace("renv", quietly = TRUE)) {
    cat("renv is not installed in this library.\n")
    quit(status = 1)
  }
})

lock <- tryCatch(renv::lockfile_read("renv.lock"), error = function(e) NULL)
if (is.null(lock)) {
  cat("No readable renv.lock in", getwd(), "\n")
  quit(status = 1)
}

st <- renv::status(project = ".")
repos <- getOption("repos")

cat("## renv report\n\n")
cat("- R:", R.version.string, "\n")
cat("- renv:", as.character(packageVersion("renv")), "\n")
cat("- Lockfile R version:", lock$R$Version, "\n")
cat("- Repositories:\n")
for (n in names(repos)) cat("  -", n, "=", repos[[n]], "\n")
cat("- Packages in lockfile:", length(lock$Packages), "\n")

lib <- renv::paths$library(project = ".")
installed <- if (dir.exists(lib)) list.dirs(lib, recursive = FALSE, full.names = FALSE) else character()
cat("- Installed in project library:", length(installed), "\n")

missing <- setdiff(names(lock$Packages), installed)
if (length(missing)) {
  cat("\n### Not installed\n\n")
  for (p in head(missing, 30)) cat("-", p, lock$Packages[[p]]$Version, "\n")
  if (length(missing) > 30) cat("- ...and", length(missing) - 30, "more\n")
}

cat("\n- synchronized:", isTRUE(st$synchronized), "\n")
