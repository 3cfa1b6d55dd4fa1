EXPECTED_TOOLS = {"search_items", "get_item", "adjust_stock"}


async def test_tool_names(client):
    tools = (await client.list_tools()).tools
    assert {t.name for t in tools} == EXPECTED_TOOLS


async def test_descriptions_are_useful(client):
    for tool in (await client.list_tools()).tools:
        assert tool.description and len(tool.description) >= 20, tool.name


async def test_schemas_are_objects_with_required(client):
    for tool in (await client.list_tools()).tools:
        schema = tool.inputSchema
        assert schema["type"] == "object", tool.name
        for name in schema.get("required", []):
            assert name in schema["properties"], (tool.name, name)
