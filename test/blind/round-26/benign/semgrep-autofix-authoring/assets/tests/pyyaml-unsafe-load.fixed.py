import yaml

def load_config(path):
    with open(path) as fh:
        # ruleid: pyyaml-unsafe-load
        return yaml.safe_load(fh)

def load_request(body):
    # ruleid: pyyaml-unsafe-loader-kwarg
    return yaml.load(body, Loader=yaml.SafeLoader)

def load_request_unsafe(body):
    # ruleid: pyyaml-unsafe-loader-kwarg
    return yaml.load(body, Loader=yaml.SafeLoader)

def ok_cases(text):
    # ok: pyyaml-unsafe-load
    a = yaml.safe_load(text)
    # ok: pyyaml-unsafe-load
    b = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: pyyaml-unsafe-loader-kwarg
    c = yaml.load(text, Loader=yaml.CSafeLoader)
    return a, b, c
