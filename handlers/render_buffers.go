package handlers

import (
	"bytes"
	"sync"
)

// bufferPool keeps the buffers pages are rendered into between requests. A
// desk page is some 100 KB, and growing a fresh buffer to that size for
// every page (copying it at each doubling) was a tenth of rendering it.
type bufferPool struct{ p sync.Pool }

// maxPooledBuffer is the largest buffer kept: an unusually large page's
// buffer is left to the collector rather than held.
const maxPooledBuffer = 1 << 20

// get returns an empty buffer.
func (bp *bufferPool) get() *bytes.Buffer {
	if b, ok := bp.p.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// put hands a buffer back once nothing refers to its bytes any more.
func (bp *bufferPool) put(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	bp.p.Put(b)
}
