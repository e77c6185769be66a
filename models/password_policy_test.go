package models

import (
	"context"
	"strings"
	"testing"
)

func TestPasswordPolicyRefusesFirstGuesses(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i, tc := range []struct {
		pw, want string
	}{
		{"1234567890", "most common"},
		{"qwertyuiop", "most common"},
		{"QwertyUIOP", "most common"},
		{"1q2w3e4r5t", "most common"},
		{"aaaaaaaaaaaa", "one character"},
		{"............", "one character"},
		{"ééééééééééé", "one character"},
		{"short", "at least"},
		{"correct horse battery staple", ""},
		{"Belgorod shelling 11:03", ""},
	} {
		_, err := f.s.CreateUser(ctx, NewUser{Name: "New Person", Email: "p" + string(rune('a'+i)) + "@desk.test", Role: RoleViewer, Password: tc.pw})
		if tc.want == "" {
			if err != nil {
				t.Errorf("%q refused: %v", tc.pw, err)
			}
			continue
		}
		if msg := fieldErr(t, err, "password"); !strings.Contains(msg, tc.want) {
			t.Errorf("%q: %q, want it to mention %q", tc.pw, msg, tc.want)
		}
	}
	// The same rules when a user changes their own password.
	_, err := f.s.ChangePassword(ctx, f.fc.ID, "", PasswordChange{Current: "a long enough password", New: "1234567890", Confirm: "1234567890"})
	fieldErr(t, err, "new_password")
}
