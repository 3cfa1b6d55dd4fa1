#!/bin/sh
# Mirror to the remote the user names, and deploy to Heroku.
git remote add mirror "$MIRROR_URL"
git remote add backup git@git.acme.internal:team/app.git
git remote add heroku https://git.heroku.com/my-app.git
git remote add upstream https://github.com/acme/app.git
git push mirror main && git push heroku main
