//! bevypak: archive format and reader.
include!(concat!(env!("OUT_DIR"), "/build_info.rs"));

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

pub const MAGIC: &[u8; 4] = b"BPAK";

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Entry {
    pub offset: u64,
    pub len: u64,
    pub raw_len: u64,
    pub compressed: bool,
    pub hash: [u8; 32],
}

#[derive(Serialize, Deserialize, Debug, Default)]
pub struct Manifest {
    pub version: u32,
    pub mount: String,
    pub entries: BTreeMap<String, Entry>,
}

pub struct Pak {
    file: File,
    pub manifest: Manifest,
}

impl Pak {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let mut file = File::open(path)?;
        let mut head = [0u8; 12];
        file.read_exact(&mut head)?;
        if &head[..4] != MAGIC {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "not a bpak"));
        }
        let mlen = u64::from_le_bytes(head[4..12].try_into().unwrap());
        let mut m = vec![0u8; mlen as usize];
        file.read_exact(&mut m)?;
        let manifest: Manifest = bincode::deserialize(&m)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        Ok(Self { file, manifest })
    }

    pub fn read(&mut self, path: &str) -> std::io::Result<Vec<u8>> {
        let e = self.manifest.entries.get(path).cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, path.to_string()))?;
        self.file.seek(SeekFrom::Start(e.offset))?;
        let mut buf = vec![0u8; e.len as usize];
        self.file.read_exact(&mut buf)?;
        let data = if e.compressed { zstd::decode_all(&buf[..])? } else { buf };
        if blake3::hash(&data).as_bytes() != &e.hash {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "hash mismatch"));
        }
        Ok(data)
    }
}
