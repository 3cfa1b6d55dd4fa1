import yaml

# ruleid: py-yaml-load
cfg = yaml.load(open("config.yml"))
# ok: py-yaml-load
cfg = yaml.load(open("config.yml"), Loader=yaml.SafeLoader)
# ok: py-yaml-load
cfg = yaml.safe_load(open("config.yml"))
