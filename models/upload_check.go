package models

import (
	"bytes"
	"path/filepath"
	"strings"
)

// refusedUploadExts are the file types a browser may render as a page, run
// or treat as a web archive, whatever the server says about them.
var refusedUploadExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".xht": true, ".shtml": true, ".mht": true, ".mhtml": true,
	".svg": true, ".svgz": true, ".xml": true, ".xsl": true, ".xslt": true, ".js": true, ".mjs": true, ".hta": true,
}

// markupSignatures, found near the start of a file sniffed as text, mark
// markup or a web archive dressed up as something else (an SVG named
// photo.png, say).
var markupSignatures = [][]byte{
	[]byte("<svg"), []byte("<!doctype"), []byte("<html"), []byte("<script"), []byte("<?xml"),
	[]byte("<iframe"), []byte("<body"), []byte("<head"), []byte("<object"), []byte("<embed"),
	[]byte("xmlns="), []byte("multipart/related"),
}

// uploadRefusal says why an upload cannot be kept ("" when it can): its name
// and its content are checked together. The name is checked as a browser or
// a desktop would read it, after the dots and spaces Windows drops from its
// end ("x.html." is x.html), and may not hide its real extension behind
// right-to-left or other direction marks. The content is checked by sniffing
// (ct), and text is searched for markup whatever the name says.
func uploadRefusal(name string, data []byte, ct string) string {
	const msg = "HTML, SVG, XML, web archive and script files cannot be uploaded; save the page as PDF or a screenshot"
	if strings.ContainsFunc(name, isDirectionMark) {
		return "the file name contains direction marks that can disguise its type; rename the file"
	}
	trimmed := strings.TrimRight(strings.TrimSpace(name), ". \t")
	if refusedUploadExts[strings.ToLower(filepath.Ext(trimmed))] || blockedType(ct) {
		return msg
	}
	if strings.HasPrefix(ct, "text/") {
		head := bytes.ToLower(data[:min(len(data), 4096)])
		for _, sig := range markupSignatures {
			if bytes.Contains(head, sig) {
				return msg
			}
		}
	}
	return ""
}

// isDirectionMark reports the Unicode bidirectional controls (U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069) and the Arabic letter mark (U+061C).
func isDirectionMark(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
