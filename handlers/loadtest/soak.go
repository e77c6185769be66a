package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// SoakReport is what a soak run saw.
type SoakReport struct {
	Requests     atomic.Int64
	byKind       sync.Map // kind → *atomic.Int64
	ServerErrors int64
	errSamples   []string
	LostWrites   int64
	Created      int
	RSSSamples   []int64
	elapsed      time.Duration
}

func (r *SoakReport) count(kind string) {
	v, _ := r.byKind.LoadOrStore(kind, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
}

// Print writes the report for a person.
func (r *SoakReport) Print(w io.Writer) {
	fmt.Fprintf(w, "soak: %d requests in %s (%.0f/s), %d answers 5xx, %d claims created, %d lost writes\n",
		r.Requests.Load(), r.elapsed.Round(time.Second), float64(r.Requests.Load())/r.elapsed.Seconds(), r.ServerErrors, r.Created, r.LostWrites)
	r.byKind.Range(func(k, v any) bool {
		fmt.Fprintf(w, "  %-16s %d\n", k, v.(*atomic.Int64).Load())
		return true
	})
	for _, s := range r.errSamples {
		fmt.Fprintf(w, "  5xx: %s\n", s)
	}
	if len(r.RSSSamples) > 0 {
		parts := make([]string, len(r.RSSSamples))
		for i, v := range r.RSSSamples {
			parts[i] = strconv.FormatInt(v>>20, 10)
		}
		fmt.Fprintf(w, "server RSS (MB, every 5 s): %s\n", strings.Join(parts, " "))
	}
}

// rssOf reads a process's resident memory from /proc.
func rssOf(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// RunSoak runs n clients for d with a newsroom's mix: list and search reads,
// claim pages, claim creation, evidence links and uploads, verdict changes,
// exports, and invalid requests that must be refused with a 4xx. Every claim
// whose creation was acknowledged is read back at the end.
func RunSoak(ctx context.Context, c *Client, n int, d time.Duration, pid int) (*SoakReport, error) {
	code, body, err := c.do(ctx, "POST", "/api/v1/stories", map[string]any{"title": "Soak " + time.Now().Format(time.RFC3339)})
	if err != nil || code != 201 {
		return nil, fmt.Errorf("create story: %d %v %s", code, err, body)
	}
	var story struct {
		ID int64 `json:"id"`
	}
	json.Unmarshal(body, &story)
	rep := &SoakReport{}
	var mu sync.Mutex
	created := map[int64]int64{} // claim id → acknowledged version
	fail := func(kind string, code int, body []byte) {
		if code >= 500 {
			mu.Lock()
			rep.ServerErrors++
			if len(rep.errSamples) < 10 {
				rep.errSamples = append(rep.errSamples, fmt.Sprintf("%s %d %.200s", kind, code, body))
			}
			mu.Unlock()
		}
	}
	sctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	stopRSS := make(chan struct{})
	var rssWG sync.WaitGroup
	if pid > 0 {
		rssWG.Add(1)
		go func() {
			defer rssWG.Done()
			t := time.NewTicker(5 * time.Second)
			defer t.Stop()
			for {
				select {
				case <-stopRSS:
					return
				case <-t.C:
					mu.Lock()
					rep.RSSSamples = append(rep.RSSSamples, rssOf(pid))
					mu.Unlock()
				}
			}
		}()
	}
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			var mine []int64
			for sctx.Err() == nil {
				// Requests run to completion even when the soak ends, so every
				// acknowledged write is known.
				kind, code, body := soakStep(context.WithoutCancel(sctx), c, rng, story.ID, w, &mine, &mu, created)
				if sctx.Err() != nil {
					break
				}
				rep.Requests.Add(1)
				rep.count(kind)
				fail(kind, code, body)
			}
		}(w)
	}
	wg.Wait()
	close(stopRSS)
	rssWG.Wait()
	rep.elapsed = time.Since(start)
	rep.Created = len(created)
	for id, version := range created {
		code, body, err := c.do(ctx, "GET", fmt.Sprintf("/api/v1/claims/%d", id), nil)
		var cl struct {
			Version int64 `json:"version"`
		}
		json.Unmarshal(body, &cl)
		if err != nil || code != 200 || cl.Version < version {
			rep.LostWrites++
		}
	}
	return rep, nil
}

// soakStep makes one request of a randomly chosen kind.
func soakStep(ctx context.Context, c *Client, rng *rand.Rand, storyID int64, w int, mine *[]int64, mu *sync.Mutex, created map[int64]int64) (string, int, []byte) {
	pick := func() int64 {
		if len(*mine) == 0 {
			return 0
		}
		return (*mine)[rng.IntN(len(*mine))]
	}
	switch k := rng.IntN(100); {
	case k < 30:
		code, body, _ := c.do(ctx, "GET", deskPath(rng), nil)
		return "list", code, body
	case k < 40:
		code, body, _ := c.do(ctx, "GET", searchPath(rng), nil)
		return "search", code, body
	case k < 55 || len(*mine) == 0:
		code, body, _ := c.do(ctx, "POST", "/api/v1/claims", map[string]any{"story_id": storyID,
			"claimant": fmt.Sprintf("Soak source %d", rng.IntN(50)), "text": fmt.Sprintf("Soak claim %d from worker %d: <b>%d</b> 'quoted'", rng.Int64(), w, rng.IntN(1000)),
			"channel": "on Telegram"})
		if code == 201 {
			var cl struct {
				ID      int64 `json:"id"`
				Version int64 `json:"version"`
			}
			json.Unmarshal(body, &cl)
			*mine = append(*mine, cl.ID)
			mu.Lock()
			created[cl.ID] = cl.Version
			mu.Unlock()
		}
		return "create", code, body
	case k < 65:
		id := pick()
		code, body, _ := c.do(ctx, "GET", fmt.Sprintf("/api/v1/claims/%d", id), nil)
		if code != 200 {
			return "claim page", code, body
		}
		var cl struct {
			Version int64  `json:"version"`
			Verdict string `json:"verdict"`
		}
		json.Unmarshal(body, &cl)
		v := "in_review"
		if cl.Verdict == "in_review" {
			v = "unverified"
		}
		code, body, _ = c.do(ctx, "POST", fmt.Sprintf("/api/v1/claims/%d/verdict", id), map[string]any{"verdict": v, "rationale": "soak", "version": cl.Version})
		if code == 200 {
			var after struct {
				Version int64 `json:"version"`
			}
			json.Unmarshal(body, &after)
			mu.Lock()
			created[id] = after.Version
			mu.Unlock()
		}
		return "verdict", code, body
	case k < 72:
		code, body, _ := c.do(ctx, "POST", fmt.Sprintf("/api/v1/claims/%d/evidence", pick()), map[string]any{"stance": "supports", "kind": "document", "url": fmt.Sprintf("https://outlet%d.example/a", rng.IntN(20))})
		return "evidence link", code, body
	case k < 77:
		code, body := c.upload(ctx, fmt.Sprintf("/api/v1/claims/%d/evidence", pick()), rng)
		return "upload", code, body
	case k < 80:
		code, body, _ := c.do(ctx, "GET", fmt.Sprintf("/api/v1/export.csv?story=%d", storyID), nil)
		return "export", code, body
	default:
		bad := []struct {
			method, path string
			body         any
			validQuery   bool // hostile-looking but a legitimate search: 200 is right
		}{
			{"POST", "/api/v1/claims", map[string]any{"text": 12}, false},
			{"POST", "/api/v1/claims", map[string]any{"story_id": storyID, "text": strings.Repeat("x", 6000), "claimant": "X"}, false},
			{"GET", "/api/v1/claims?verdict=nonsense&per_page=100000", nil, false},
			{"GET", "/api/v1/claims/999999999", nil, false},
			{"POST", fmt.Sprintf("/api/v1/claims/%d/verdict", pick()), map[string]any{"verdict": "verified", "version": 1}, false},
			{"GET", "/api/v1/claims?q=" + url.QueryEscape("\" OR 1=1 -- <script>"), nil, true},
		}[rng.IntN(6)]
		code, body, _ := c.do(ctx, bad.method, bad.path, bad.body)
		if (code == 200 || code == 201) && !bad.validQuery {
			// Counted with the server errors: invalid input must never be accepted.
			return "invalid accepted", 599, body
		}
		return "invalid", code, body
	}
}

// upload posts a small PNG as evidence.
func (c *Client) upload(ctx context.Context, path string, rng *rand.Rand) (int, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("stance", "supports")
	mw.WriteField("kind", "photo")
	fw, _ := mw.CreateFormFile("file", fmt.Sprintf("photo-%d.png", rng.IntN(1000)))
	img := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 2000+rng.IntN(20000))...)
	for i := 8; i < len(img); i++ {
		img[i] = byte(rng.IntN(256))
	}
	fw.Write(img)
	mw.Close()
	req, _ := http.NewRequestWithContext(ctx, "POST", c.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}
