import json


async def test_get_item_happy_path(client, tmp_store):
    (tmp_store / "items.json").write_text(json.dumps({"SKU-1": {"name": "Bolt", "qty": 4}}))
    result = await client.call_tool("get_item", {"sku": "SKU-1"})
    assert not result.isError
    payload = result.structuredContent or json.loads(result.content[0].text)
    assert payload["name"] == "Bolt"


async def test_get_item_unknown_sku_is_a_tool_error(client):
    result = await client.call_tool("get_item", {"sku": "NOPE"})
    assert result.isError
    assert "NOPE" in result.content[0].text


async def test_get_item_missing_argument(client):
    result = await client.call_tool("get_item", {})
    assert result.isError
