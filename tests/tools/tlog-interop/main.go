// Command tlog-interop checks a TalentPass evidence ledger with Go's reference implementation of transparency
// logs (golang.org/x/mod/sumdb/tlog and golang.org/x/mod/sumdb/note), independently of the .NET code:
//
//   - fetches <base>/checkpoint and verifies its Ed25519 signed-note signature with the log's verifier key;
//   - reads the C2SP tlog-tiles (<base>/tile/<L>/<N>[.p/<W>]) through tlog.TileHashReader, which checks every
//     tile against the signed root hash;
//   - reads the entry bundles (<base>/tile/entries/<N>[.p/<W>]) and checks an inclusion proof of every entry;
//   - checks a consistency proof from an older size to the checkpoint size, and that the older root is the root
//     of the first entries;
//   - optionally (-bundle) checks a C2SP tlog-proof bundle's inclusion proof and checkpoint signature;
//   - checks the witnesses' C2SP tlog-cosignature v1 lines (Ed25519 over "cosignature/v1\ntime <t>\n" + body)
//     with crypto/ed25519, independently of the .NET code (sumdb/note has no cosignature type);
//   - optionally (-api) checks the server's own inclusion proofs (GET <api>/entries/<i>/proof) and consistency
//     proof (GET <api>/consistency?from=&to=) with tlog.CheckRecord / tlog.CheckTree.
//
// The log key comes from -vkey, or from -keys (the JSON key document, GET /api/v1/ledger/verifier-key).
//
// <base> is an http(s) URL (e.g. http://127.0.0.1:5080/ledger/) or a local directory laid out the same way.
// Build offline with Debian's golang-go and golang-golang-x-mod-dev:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlog-interop .
//
// Exit status 0 when everything verifies, 1 with the reason otherwise.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8

func main() {
	base := flag.String("base", "", "log prefix URL (http://host/ledger/) or directory")
	vkey := flag.String("vkey", "", "the log's signed-note verifier key <name>+<hex>+<base64>")
	origin := flag.String("origin", "", "expected checkpoint origin (default: the key name)")
	oldSize := flag.Int64("old", -1, "older size for the consistency proof (default: half the tree)")
	bundle := flag.String("bundle", "", "optional tlog-proof bundle file (or URL) to verify as well")
	maxEntries := flag.Int64("max-entries", 100000, "check inclusion of at most this many entries (the last ones)")
	keys := flag.String("keys", "", "URL or file of the log's key document (instead of -vkey)")
	api := flag.String("api", "", "optional proof API prefix, e.g. http://host/api/v1/ledger")
	var witnesses stringList
	flag.Var(&witnesses, "witness", "a witness cosigner verifier key whose cosignature must be on the checkpoint (repeatable)")
	flag.Parse()
	f := &fetcher{base: *base, client: &http.Client{Timeout: 30 * time.Second}}
	var published []string
	quorum := 0
	if *keys != "" {
		*vkey, *origin, published, quorum = readKeys(f, *keys, *origin)
	}
	if *base == "" || *vkey == "" {
		fail("usage: tlog-interop -base URL|DIR (-vkey VKEY | -keys URL) [-origin O] [-old N] [-bundle FILE] [-api URL]")
	}
	if *origin == "" {
		*origin = strings.SplitN(*vkey, "+", 2)[0]
	}

	verifier, err := note.NewVerifier(*vkey)
	check(err, "parse verifier key")
	tree := openCheckpoint(f, "checkpoint", verifier, *origin)
	fmt.Printf("checkpoint: origin %s, size %d, root %s (signature verified by %s)\n", *origin, tree.N, tree.Hash, verifier.Name())
	if tree.N == 0 {
		fail("the log is empty: nothing to prove")
	}

	if len(witnesses)+len(published) > 0 {
		checkpoint, err := f.get("checkpoint")
		check(err, "fetch checkpoint")
		cosigned := 0
		for i, w := range append(append([]string{}, witnesses...), published...) {
			t, found := verifyCosignature(checkpoint, w)
			name := strings.SplitN(w, "+", 2)[0]
			if !found {
				if i < len(witnesses) {
					fail("no cosignature from witness " + name + " on the checkpoint")
				}
				continue
			}
			cosigned++
			fmt.Printf("cosignature: %s verified (time %s)\n", name, time.Unix(t, 0).UTC().Format(time.RFC3339))
		}
		if cosigned < quorum {
			fail(fmt.Sprintf("%d witness cosignature(s), the published quorum is %d", cosigned, quorum))
		}
	}

	reader := tlog.TileHashReader(tree, &tileReader{f: f})

	// Every entry (or the last max-entries): leaf hash from the entry bundle, inclusion proof through the tiles.
	first := int64(0)
	if tree.N > *maxEntries {
		first = tree.N - *maxEntries
	}
	checked := int64(0)
	for start := first - first%256; start < tree.N; start += 256 {
		entries := readEntries(f, start/256, tree.N)
		for i, entry := range entries {
			index := start + int64(i)
			if index < first {
				continue
			}
			leaf := tlog.RecordHash(entry)
			proof, err := tlog.ProveRecord(tree.N, index, reader)
			check(err, fmt.Sprintf("inclusion proof of entry %d", index))
			check(tlog.CheckRecord(proof, tree.N, tree.Hash, index, leaf), fmt.Sprintf("inclusion of entry %d", index))
			stored, err := reader.ReadHashes([]int64{tlog.StoredHashIndex(0, index)})
			check(err, fmt.Sprintf("leaf hash %d from tiles", index))
			if stored[0] != leaf {
				fail(fmt.Sprintf("entry %d: the level-0 tile hash differs from the hash of the entry bundle's entry", index))
			}
			checked++
		}
	}
	fmt.Printf("inclusion: %d entries verified\n", checked)

	// Consistency from an older size.
	m := *oldSize
	if m < 0 {
		m = (tree.N + 1) / 2
	}
	if m < 1 || m > tree.N {
		fail(fmt.Sprintf("invalid older size %d", m))
	}
	oldRoot, err := tlog.TreeHash(m, reader)
	check(err, "older root")
	consistency, err := tlog.ProveTree(tree.N, m, reader)
	check(err, "consistency proof")
	check(tlog.CheckTree(consistency, tree.N, tree.Hash, m, oldRoot), fmt.Sprintf("consistency %d -> %d", m, tree.N))
	fmt.Printf("consistency: %d -> %d verified (%d hashes), older root %s\n", m, tree.N, len(consistency), oldRoot)

	if *bundle != "" {
		verifyBundle(f, *bundle, verifier, *origin)
	}
	if *api != "" {
		verifyProofAPI(f, *api, verifier, *origin, tree, m, oldRoot)
	}
	fmt.Println("OK: Go sumdb/tlog and sumdb/note accept the log")
}

// openCheckpoint fetches and verifies a checkpoint note.
func openCheckpoint(f *fetcher, path string, verifier note.Verifier, origin string) tlog.Tree {
	msg, err := f.get(path)
	check(err, "fetch "+path)
	return parseSignedCheckpoint(msg, verifier, origin)
}

func parseSignedCheckpoint(msg []byte, verifier note.Verifier, origin string) tlog.Tree {
	n, err := note.Open(msg, note.VerifierList(verifier))
	check(err, "checkpoint signature")
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		fail("checkpoint has fewer than 3 lines")
	}
	if lines[0] != origin {
		fail(fmt.Sprintf("checkpoint origin %q, want %q", lines[0], origin))
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		fail("checkpoint size is not a canonical decimal")
	}
	root, err := tlog.ParseHash(lines[2])
	check(err, "checkpoint root hash")
	return tlog.Tree{N: size, Hash: root}
}

// verifyBundle checks a c2sp.org/tlog-proof@v1 bundle: checkpoint signature, and the inclusion of the entry
// carried in its extra line at its index.
func verifyBundle(f *fetcher, path string, verifier note.Verifier, origin string) {
	var data []byte
	var err error
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		data, err = (&fetcher{base: path, client: f.client}).get("")
	} else {
		data, err = os.ReadFile(path)
	}
	check(err, "read bundle")
	parts := bytes.SplitN(data, []byte("\n\n"), 2)
	if len(parts) != 2 {
		fail("bundle: no blank line before the checkpoint")
	}
	lines := strings.Split(string(parts[0]), "\n")
	if lines[0] != "c2sp.org/tlog-proof@v1" {
		fail("bundle: bad header line")
	}
	i := 1
	var entry []byte
	if strings.HasPrefix(lines[i], "extra ") {
		entry, err = base64.StdEncoding.DecodeString(strings.TrimPrefix(lines[i], "extra "))
		check(err, "bundle extra line")
		i++
	}
	if entry == nil {
		fail("bundle carries no entry (extra line)")
	}
	if !strings.HasPrefix(lines[i], "index ") {
		fail("bundle: missing index line")
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(lines[i], "index "), 10, 64)
	check(err, "bundle index")
	var proof tlog.RecordProof
	for _, line := range lines[i+1:] {
		h, err := tlog.ParseHash(line)
		check(err, "bundle proof line")
		proof = append(proof, h)
	}
	tree := parseSignedCheckpoint(parts[1], verifier, origin)
	check(tlog.CheckRecord(proof, tree.N, tree.Hash, index, tlog.RecordHash(entry)), "bundle inclusion proof")
	fmt.Printf("bundle: entry %d included in the tree of size %d\n", index, tree.N)
}

// verifyCosignature checks the C2SP tlog-cosignature v1 line of witness key wkey (<name>+<hex>+base64(0x04||key))
// on a checkpoint note and returns its timestamp; found is false when the note has no line from that key.
func verifyCosignature(msg []byte, wkey string) (t int64, found bool) {
	parts := strings.SplitN(wkey, "+", 3)
	if len(parts) != 3 {
		fail("malformed witness key " + wkey)
	}
	name := parts[0]
	key, err := base64.StdEncoding.DecodeString(parts[2])
	check(err, "witness key base64")
	if len(key) != 33 || key[0] != 0x04 {
		fail("witness key is not an Ed25519 cosignature key (type 0x04): " + wkey)
	}
	id := sha256.Sum256(append([]byte(name+"\n"), key...))
	if fmt.Sprintf("%x", id[:4]) != parts[1] {
		fail("witness key ID does not match its key: " + wkey)
	}
	split := bytes.LastIndex(msg, []byte("\n\n"))
	if split < 0 {
		fail("checkpoint is not a signed note")
	}
	body := msg[:split+1]
	for _, line := range strings.Split(string(msg[split+2:]), "\n") {
		prefix := "\u2014 " + name + " "
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		sig, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(line, prefix))
		if err != nil || len(sig) != 4+8+64 || !bytes.Equal(sig[:4], id[:4]) {
			continue
		}
		ts := binary.BigEndian.Uint64(sig[4:12])
		signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", ts)), body...)
		if !ed25519.Verify(ed25519.PublicKey(key[1:]), signed, sig[12:]) {
			fail("invalid cosignature from witness " + name)
		}
		return int64(ts), true
	}
	return 0, false
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// readKeys reads the key document {"origin":…,"hashProfile":…,"logKeys":[…],"witnesses":[{"verifierKey":…}]}
// and returns the first (Ed25519) log key, the origin, the witnesses' keys and the quorum.
func readKeys(f *fetcher, location string, origin string) (string, string, []string, int) {
	var data []byte
	var err error
	if strings.HasPrefix(location, "http://") || strings.HasPrefix(location, "https://") {
		data, err = (&fetcher{base: location, client: f.client}).get("")
	} else {
		data, err = os.ReadFile(location)
	}
	check(err, "read key document")
	var doc struct {
		Origin      string   `json:"origin"`
		HashProfile string   `json:"hashProfile"`
		LogKeys     []string `json:"logKeys"`
		Witnesses   []struct {
			VerifierKey string `json:"verifierKey"`
		} `json:"witnesses"`
		WitnessQuorum int `json:"witnessQuorum"`
	}
	check(json.Unmarshal(data, &doc), "parse key document")
	if doc.HashProfile != "" && doc.HashProfile != "sha256" {
		fmt.Printf("SKIP: the log uses the %s hash profile; Go's sumdb/tlog implements SHA-256 only\n", doc.HashProfile)
		os.Exit(0)
	}
	if len(doc.LogKeys) == 0 {
		fail("the key document lists no log key (no checkpoint published yet?)")
	}
	if origin == "" {
		origin = doc.Origin
	}
	var witnesses []string
	for _, w := range doc.Witnesses {
		witnesses = append(witnesses, w.VerifierKey)
	}
	return doc.LogKeys[0], origin, witnesses, doc.WitnessQuorum
}

// verifyProofAPI checks proofs computed by the server: inclusion of up to 64 entries and a consistency proof.
func verifyProofAPI(f *fetcher, api string, verifier note.Verifier, origin string, tree tlog.Tree, m int64, oldRoot tlog.Hash) {
	apiFetcher := &fetcher{base: api, client: f.client}
	step := tree.N/64 + 1
	count := 0
	for i := int64(0); i < tree.N; i += step {
		data, err := apiFetcher.get(fmt.Sprintf("entries/%d/proof", i))
		check(err, fmt.Sprintf("proof API for entry %d", i))
		var p struct {
			Index      int64    `json:"index"`
			TreeSize   int64    `json:"treeSize"`
			Entry      string   `json:"entry"`
			Proof      []string `json:"proof"`
			Checkpoint string   `json:"checkpoint"`
		}
		check(json.Unmarshal(data, &p), "parse inclusion proof")
		signed := parseSignedCheckpoint([]byte(p.Checkpoint), verifier, origin)
		if p.Index != i || p.TreeSize != signed.N {
			fail(fmt.Sprintf("proof API for entry %d: index %d, tree size %d, checkpoint size %d", i, p.Index, p.TreeSize, signed.N))
		}
		entry, err := base64.StdEncoding.DecodeString(p.Entry)
		check(err, "entry base64")
		check(tlog.CheckRecord(parseHashes(p.Proof), signed.N, signed.Hash, i, tlog.RecordHash(entry)), fmt.Sprintf("server inclusion proof of entry %d", i))
		count++
	}
	fmt.Printf("proof API: %d server inclusion proofs verified\n", count)
	if m == tree.N {
		return
	}
	data, err := apiFetcher.get(fmt.Sprintf("consistency?from=%d&to=%d", m, tree.N))
	check(err, "consistency API")
	var c struct {
		From       int64    `json:"from"`
		To         int64    `json:"to"`
		Proof      []string `json:"proof"`
		Checkpoint string   `json:"checkpoint"`
	}
	check(json.Unmarshal(data, &c), "parse consistency proof")
	check(tlog.CheckTree(parseHashes(c.Proof), tree.N, tree.Hash, m, oldRoot), fmt.Sprintf("server consistency proof %d -> %d", m, tree.N))
	fmt.Printf("proof API: server consistency proof %d -> %d verified\n", m, tree.N)
}

func parseHashes(lines []string) []tlog.Hash {
	var hashes []tlog.Hash
	for _, line := range lines {
		h, err := tlog.ParseHash(line)
		check(err, "proof hash")
		hashes = append(hashes, h)
	}
	return hashes
}

// readEntries fetches the entry bundle number n (full, or partial at the end of the tree) and splits it.
func readEntries(f *fetcher, n int64, treeSize int64) [][]byte {
	width := treeSize - n*256
	if width > 256 {
		width = 256
	}
	path := "tile/entries/" + tilePathNumber(n)
	if width < 256 {
		path += ".p/" + strconv.FormatInt(width, 10)
	}
	data, err := f.get(path)
	check(err, "fetch "+path)
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			fail(path + ": truncated entry length")
		}
		size := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+size {
			fail(path + ": truncated entry")
		}
		entries = append(entries, data[2:2+size])
		data = data[2+size:]
	}
	if int64(len(entries)) != width {
		fail(fmt.Sprintf("%s: %d entries, want %d", path, len(entries), width))
	}
	return entries
}

// tilePathNumber encodes N as C2SP tlog-tiles does: 3-digit groups, all but the last prefixed with x.
func tilePathNumber(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	return s
}

// c2spPath maps Go's tile path (tile/<H>/<L>/<N>[.p/<W>]) to C2SP's (tile/<L>/<N>[.p/<W>], height fixed at 8).
func c2spPath(t tlog.Tile) string {
	return "tile/" + strings.TrimPrefix(t.Path(), "tile/"+strconv.Itoa(tileHeight)+"/")
}

type tileReader struct {
	f     *fetcher
	cache map[tlog.Tile][]byte
}

func (r *tileReader) Height() int { return tileHeight }

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	if r.cache == nil {
		r.cache = map[tlog.Tile][]byte{}
	}
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		if data, ok := r.cache[t]; ok {
			out[i] = data
			continue
		}
		data, err := r.f.get(c2spPath(t))
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}

func (r *tileReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {
	for i, t := range tiles {
		r.cache[t] = data[i]
	}
}

type fetcher struct {
	base   string
	client *http.Client
}

func (f *fetcher) get(path string) ([]byte, error) {
	if !strings.HasPrefix(f.base, "http://") && !strings.HasPrefix(f.base, "https://") {
		return os.ReadFile(filepath.Join(f.base, filepath.FromSlash(path)))
	}
	url := f.base
	if path != "" {
		url = strings.TrimSuffix(f.base, "/") + "/" + path
	}
	resp, err := f.client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(url + ": HTTP " + resp.Status)
	}
	return body, nil
}

func check(err error, what string) {
	if err != nil {
		fail(what + ": " + err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "FAIL: "+msg)
	os.Exit(1)
}
