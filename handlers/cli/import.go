package cli

import (
	"fmt"

	"claimdesk/models"
)

// runImport extracts and stores the claims of a live blog in a story. Running
// it again on an updated blog adds only what is new.
func runImport(args []string, env Env) error {
	fs := newFlags("import", env)
	db := dbFlag(fs, env)
	story := fs.String("story", "", "title of the story to import into (created if it does not exist)")
	as := fs.String("as", "", "email of the user the import is recorded as (default: the first admin)")
	url := fs.String("url", "", "the URL the blog was published at")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: claimdesk import --story \"Title\" FILE"}
	}
	text, name, err := readInput(fs.Args(), env)
	if err != nil {
		return err
	}
	st, err := openStore(db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	actor, err := importActor(env, st, *as)
	if err != nil {
		return err
	}
	res, err := st.CommitImport(env.Ctx, actor, models.ImportRequest{StoryTitle: *story, Text: text, ReportedURL: *url})
	if err != nil {
		return inputError(name, err)
	}
	verb := "into"
	if res.StoryCreated {
		verb = "into new"
	}
	fmt.Fprintf(env.Stdout, "imported %s %s story %d: %d claims added (%d already there), %d entries added, %d new sources\n",
		name, verb, res.StoryID, res.ClaimsAdded, res.ClaimsExisting, res.EntriesAdded, res.SourcesAdded)
	return nil
}

// importActor is the user an import is recorded as.
func importActor(env Env, st *models.Store, email string) (*models.User, error) {
	if email != "" {
		u, err := st.UserByEmail(env.Ctx, email)
		if models.IsNotFound(err) {
			return nil, usageError{"no user has the email " + email}
		}
		return u, err
	}
	users, err := st.Users(env.Ctx)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if users[i].Role == models.RoleAdmin && !users[i].Disabled {
			return &users[i], nil
		}
	}
	return nil, usageError{"no admin yet: create one with 'claimdesk user add --role admin …' or pass --as EMAIL"}
}
