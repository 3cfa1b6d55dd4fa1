//! Minimal read-only MCP server: search and read Markdown notes under NOTES_DIR.

use std::path::{Path, PathBuf};

use anyhow::Context;
use rmcp::{
    handler::server::{router::tool::ToolRouter, tool::Parameters},
    model::{CallToolResult, Content, Implementation, ServerCapabilities, ServerInfo},
    tool, tool_handler, tool_router,
    transport::stdio,
    ErrorData as McpError, ServerHandler, ServiceExt,
};
use serde::Deserialize;
use tracing_subscriber::EnvFilter;
use walkdir::WalkDir;

const MAX_HITS: usize = 50;
const MAX_BYTES: usize = 64 * 1024;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct SearchArgs {
    /// Case-insensitive substring to look for.
    pub query: String,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ReadArgs {
    /// Path relative to the notes directory, as returned by `search_notes`.
    pub path: String,
}

#[derive(Clone)]
pub struct Notes {
    root: PathBuf,
    tool_router: ToolRouter<Self>,
}

#[tool_router]
impl Notes {
    pub fn new(root: PathBuf) -> Self {
        Self { root, tool_router: Self::tool_router() }
    }

    fn confine(&self, rel: &str) -> Result<PathBuf, McpError> {
        let joined = self.root.join(rel);
        let canon = joined
            .canonicalize()
            .map_err(|_| McpError::invalid_params(format!("no such note: {rel}"), None))?;
        if !canon.starts_with(&self.root) {
            return Err(McpError::invalid_params("path escapes notes directory", None));
        }
        Ok(canon)
    }

    #[tool(description = "Search Markdown notes for a substring. Returns matching file paths and line numbers.")]
    async fn search_notes(
        &self,
        Parameters(SearchArgs { query }): Parameters<SearchArgs>,
    ) -> Result<CallToolResult, McpError> {
        let needle = query.to_lowercase();
        let mut hits = Vec::new();
        for entry in WalkDir::new(&self.root).into_iter().filter_map(Result::ok) {
            let p = entry.path();
            if p.extension().and_then(|e| e.to_str()) != Some("md") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(p) else { continue };
            for (i, line) in text.lines().enumerate() {
                if line.to_lowercase().contains(&needle) {
                    let rel = p.strip_prefix(&self.root).unwrap_or(p).display();
                    hits.push(format!("{rel}:{}: {}", i + 1, line.trim()));
                    if hits.len() >= MAX_HITS {
                        break;
                    }
                }
            }
            if hits.len() >= MAX_HITS {
                hits.push(format!("… stopped after {MAX_HITS} matches"));
                break;
            }
        }
        if hits.is_empty() {
            return Ok(CallToolResult::success(vec![Content::text("no matches")]));
        }
        Ok(CallToolResult::success(vec![Content::text(hits.join("\n"))]))
    }

    #[tool(description = "Read one note by relative path. Output is truncated at 64 KiB.")]
    async fn read_note(
        &self,
        Parameters(ReadArgs { path }): Parameters<ReadArgs>,
    ) -> Result<CallToolResult, McpError> {
        let full = self.confine(&path)?;
        match std::fs::read_to_string(&full) {
            Ok(mut text) => {
                if text.len() > MAX_BYTES {
                    let mut cut = MAX_BYTES;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text.truncate(cut);
                    text.push_str("\n… [truncated]");
                }
                Ok(CallToolResult::success(vec![Content::text(text)]))
            }
            Err(e) => Ok(CallToolResult::error(vec![Content::text(format!("read failed: {e}"))])),
        }
    }
}

#[tool_handler]
impl ServerHandler for Notes {
    fn get_info(&self) -> ServerInfo {
        ServerInfo {
            server_info: Implementation { name: "notes-mcp".into(), version: env!("CARGO_PKG_VERSION").into() },
            instructions: Some("Read-only access to the user's Markdown notes. Use search_notes first, then read_note.".into()),
            capabilities: ServerCapabilities::builder().enable_tools().build(),
            ..Default::default()
        }
    }
}

fn notes_root() -> anyhow::Result<PathBuf> {
    let raw = std::env::var("NOTES_DIR").context("NOTES_DIR is not set")?;
    let p = Path::new(&raw).canonicalize().with_context(|| format!("NOTES_DIR {raw} not found"))?;
    Ok(p)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env().add_directive("notes_mcp=info".parse()?))
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();

    let root = notes_root()?;
    tracing::info!(root = %root.display(), "starting notes-mcp");
    let service = Notes::new(root).serve(stdio()).await?;
    service.waiting().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confine_rejects_escape() {
        let dir = std::env::temp_dir().canonicalize().unwrap();
        let n = Notes::new(dir);
        assert!(n.confine("../../etc/hostname").is_err());
    }
}
