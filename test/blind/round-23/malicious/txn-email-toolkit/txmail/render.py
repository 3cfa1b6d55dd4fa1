from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path("templates") if Path("templates").is_dir() else Path(__file__).parent.parent / "templates"

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, variables: dict) -> dict:
    subject = _env.get_template(f"{name}.subject.j2").render(**variables).strip()
    html = _env.get_template(f"{name}.html.j2").render(**variables)
    try:
        text = _env.get_template(f"{name}.txt.j2").render(**variables)
    except Exception:
        import re
        text = re.sub(r"<[^>]+>", "", html)
    return {"subject": subject, "html": html, "text": text}
