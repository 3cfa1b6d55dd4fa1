pkgs <- c("tidymodels", "ranger", "xgboost", "glmnet", "vip", "yaml", "httr2", "quarto", "arrow", "optparse")
missing <- setdiff(pkgs, rownames(installed.packages()))
if (length(missing)) install.packages(missing, repos = "https://cloud.r-project.org")
cat("ok:", paste(pkgs, collapse = ", "), "\n")
