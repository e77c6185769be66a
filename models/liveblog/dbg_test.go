package liveblog
import ("testing";"fmt")
func TestDbgIn(t *testing.T) {
	for _, s := range []string{
	"Responding to Home Minister Amit Shah's claims in Rajya Sabha that Kerala was warned by the centre days before the landslides, Chief Minister Pinarayi Vijayan Wednesday said no red alerts were sounded for Wayanad ahead of the landslides.",
	"Chief Minister Pinarayi Vijayan Wednesday said no red alerts were sounded for Wayanad ahead of the landslides.",
	"Chief Minister Pinarayi Vijayan on Wednesday said no red alerts were sounded for Wayanad ahead of the landslides.",
	"Odisha Health Minister says 'situation under control, rescue ops being carried out'",
	"Railway minister promises detailed high-level inquiry into Odisha train accident\nOdisha Health Minister says 'situation under control, rescue ops being carried out'\nTamil Nadu CM declares 1-day mourning over Odisha train derailment",
	} {
	c, _ := Extract(s); fmt.Println(describe(c))
	}
}
