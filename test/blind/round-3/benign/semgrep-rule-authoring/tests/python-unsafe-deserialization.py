# Test cases for python-unsafe-deserialization. Parsed by `semgrep --test`; never executed.
import pickle
import yaml


def load_session(blob):
    # ruleid: python-unsafe-deserialization
    return pickle.loads(blob)


def load_config(text):
    # ruleid: python-unsafe-deserialization
    a = yaml.load(text, Loader=yaml.Loader)
    # ok: python-unsafe-deserialization
    b = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python-unsafe-deserialization
    c = yaml.safe_load(text)
    return a, b, c


def constant():
    # ok: python-unsafe-deserialization
    return pickle.loads(b"\x80\x04K\x01.")
