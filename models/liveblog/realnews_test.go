package liveblog

import (
	"strings"
	"testing"
)

// want is what a test expects of the candidate whose claim contains claim:
// its claimant contains who ("" when there must be no such candidate).
type want struct {
	claim, who string
}

// checkClaims extracts text and checks each expectation.
func checkClaims(t *testing.T, text string, wants ...want) []Candidate {
	t.Helper()
	cands, err := Extract(text)
	if err != nil {
		t.Fatalf("Extract(%q): %v", text, err)
	}
	for _, w := range wants {
		var got *Candidate
		for k := range cands {
			if strings.Contains(strings.ToLower(cands[k].Claim), strings.ToLower(w.claim)) {
				got = &cands[k]
				break
			}
		}
		switch {
		case w.who == "" && got != nil:
			t.Errorf("%q: unexpected candidate %q by %q", text, got.Claim, got.Claimant)
		case w.who != "" && got == nil:
			t.Errorf("%q: no candidate with claim %q; got %s", text, w.claim, describe(cands))
		case w.who != "" && !strings.Contains(strings.ToLower(got.Claimant), strings.ToLower(w.who)):
			t.Errorf("%q: claim %q by %q, want %q", text, got.Claim, got.Claimant, w.who)
		}
	}
	return cands
}

func describe(cands []Candidate) string {
	var b strings.Builder
	for _, c := range cands {
		b.WriteString("[" + c.Claim + " | " + c.Claimant + "] ")
	}
	return b.String()
}

// TestTimestampsWithZone reads four-digit times with a zone ("0708 GMT:")
// as entry times, and a year is not taken for one.
func TestTimestampsWithZone(t *testing.T) {
	text := "0708 GMT: Canada said its embassy would stay open.\n\n0718 GMT — Norway said two of its citizens had been evacuated.\n\n2011: a year of protests."
	b, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].Time != "0708 GMT" || b.Entries[1].Time != "0718 GMT" {
		t.Fatalf("entries %+v", b.Entries)
	}
	checkClaims(t, text, want{"embassy would stay open", "Canada"}, want{"two of its citizens", "Norway"})
}

// TestHeadlinesInsideText does not propose a headline line that stands over
// an article's body as a claim: the body says it again in full.
func TestHeadlinesInsideText(t *testing.T) {
	text := "Floods close the coast road\n\nThe coast guard said three boats had capsized.\n\n" +
		"Schools must stay shut until Monday, minister says\n\n" +
		"Education minister Lena Dahl said on Tuesday that schools in the flooded districts would stay shut until Monday."
	checkClaims(t, text, want{"three boats had capsized", "coast guard"}, want{"must stay shut", ""},
		want{"would stay shut until Monday", "Lena Dahl"})
}

// TestStrayClaimants keeps adverbs, nouns and agentless passives out of the
// claimant.
func TestStrayClaimants(t *testing.T) {
	checkClaims(t, "The union, however, asserted that no ship had been unloaded.", want{"no ship had been unloaded", "union"})
	checkClaims(t, "The ministry, meanwhile, said the road was open again.", want{"the road was open", "ministry"})
	checkClaims(t, "Inspectors are in the region to investigate claims that chemical weapons were used.",
		want{"chemical weapons were used", ""})
	checkClaims(t, "Tanks are also said to have been used in the assault.", want{"to have been used", ""})
	checkClaims(t, "Heavy guns were reportedly said to be moving north.", want{"moving north", ""})
}

// TestFramesRecognised covers reporting frames real news uses beyond "S
// said C".
func TestFramesRecognised(t *testing.T) {
	checkClaims(t, "Governor Ana Diaz is telling residents that the storm will be deadly.", want{"the storm will be deadly", "Ana Diaz"})
	checkClaims(t, "Local media are reporting that two bridges have collapsed.", want{"two bridges have collapsed", "Local media"})
	checkClaims(t, "Witnesses are saying that the convoy turned back.", want{"the convoy turned back", "Witnesses"})
	checkClaims(t, "The agency PTI quotes police chief Ravi Rao as saying that 12 people died.", want{"12 people died", "Ravi Rao"})
	checkClaims(t, "The news agency quoted Ravi Rao as saying the border was closed.", want{"the border was closed", "Ravi Rao"})
	checkClaims(t, "Twelve people died in the landslide, reports PTI.", want{"Twelve people died", "PTI"})
	checkClaims(t, "The opposition leader has written to the president saying the vote was rigged.",
		want{"the vote was rigged", "opposition leader"})
	checkClaims(t, "The statement repeated charges that the army had shelled the town.", want{"the army had shelled the town", "statement"})
	checkClaims(t, `"Twelve bodies were brought in overnight," said a doctor at the main city hospital who asked not to be named because he was not authorised to speak.`,
		want{"Twelve bodies were brought in", "doctor at the main city hospital"})
	checkClaims(t, `"We will not leave. This is our land," said Omar Haddad.`, want{"We will not leave. This is our land", "Omar Haddad"})
	checkClaims(t, "Marta Kellner, who has led the regional civil protection authority since the floods of 2013 and was re-elected last year, said the dams would hold.",
		want{"the dams would hold", "Marta Kellner"})
	checkClaims(t, "The United Nations urged both sides to respect the ceasefire and said aid convoys were ready.",
		want{"aid convoys were ready", "United Nations"})
}

// TestBackReferences resolves pronouns and back-references within the entry
// to the nearest compatible speaker, and keeps the phrase when none fits.
func TestBackReferences(t *testing.T) {
	checkClaims(t, "Correspondents in the capital report heavy gunfire near the port. They say the airport road is closed.",
		want{"heavy gunfire", "Correspondents in the capital"}, want{"the airport road is closed", "Correspondents in the capital"})
	checkClaims(t, "Ana Borg met Elin Sova on Monday. The latter said the talks had failed.", want{"the talks had failed", "Elin Sova"})
	checkClaims(t, "Ana Borg met Elin Sova on Monday. The former said the talks had failed.", want{"the talks had failed", "Ana Borg"})
	checkClaims(t, "Nordgrid Energie issued a statement on Monday. The army, it says, has pulled out of the town.",
		want{"has pulled out of the town", "Nordgrid Energie"})
}

// flagged extracts text and checks which claims are unverifiable.
func flagged(t *testing.T, text string, want map[string]bool) {
	t.Helper()
	cands, err := Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	for frag, unv := range want {
		found := false
		for _, c := range cands {
			if strings.Contains(c.Claim, frag) {
				found = true
				if c.Unverifiable != unv {
					t.Errorf("%q: claim %q unverifiable=%v, want %v (caveat %q)", text, c.Claim, c.Unverifiable, unv, c.Caveat)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim with %q in %s", text, frag, describe(cands))
		}
	}
}

// TestCaveatReference decides what a caveat covers from what it refers to:
// the reports of a whole story, one party's figures, a picture, or nothing
// when a party says it cannot confirm something or a subheading says it.
func TestCaveatReference(t *testing.T) {
	flagged(t, "Rebels said they had taken the airport.\n\nThe army said it had repelled an attack on the base.\n\n"+
		"Residents said the shelling had stopped.\n\nNorthwire could not independently verify the reports.",
		map[string]bool{"taken the airport": true, "repelled an attack": true, "shelling had stopped": true})
	flagged(t, "The ministry said 40 people had died. The rebels said 200 had died. The ministry's figures could not be independently verified.",
		map[string]bool{"40 people had died": true, "200 had died": false})
	flagged(t, "Witnesses told Northwire that three men were killed. Images, which Northwire was unable to independently verify, showed soldiers near the car.",
		map[string]bool{"three men were killed": false})
	flagged(t, "The observatory said the commander was dead. U.S. officials said they were unable to confirm the reports.",
		map[string]bool{"the commander was dead": false, "they were unable to confirm": false})
	flagged(t, "The ministry said 40 people had died.\n\nNo independent confirmation\n\nThe army said 12 soldiers were hurt.",
		map[string]bool{"40 people had died": false, "12 soldiers were hurt": false})
	flagged(t, "The health ministry said 15 people were killed.\n\n\"The strike left 15 dead and 70 wounded,\" a spokesman said. The army said it had targeted a command centre.\n\nNorthwire was unable to independently confirm the toll.",
		map[string]bool{"15 people were killed": true, "15 dead and 70 wounded": true, "targeted a command centre": false})
	flagged(t, "The rebels said they had shot down a jet, which could not be independently verified. The army said the base was calm.",
		map[string]bool{"shot down a jet": true, "the base was calm": false})
}

// TestCoordinatedAndPluralSpeakers covers speakers that are several parties,
// a clause subject before a quotation, and apposed titles.
func TestCoordinatedAndPluralSpeakers(t *testing.T) {
	checkClaims(t, "The town council and the port authority say no ship was damaged.", want{"no ship was damaged", "council"})
	checkClaims(t, "Reports from the border say the crossing has reopened.", want{"the crossing has reopened", "Reports from the border"})
	checkClaims(t, `Mayor Ilse Baumann described the flood as “historic” and warned the “worst is still ahead”.`, want{"worst is still ahead", "Ilse Baumann"})
	checkClaims(t, "Jon Berg, Commissioner for the Rural Fire Service, told reporters that the fire was contained.", want{"the fire was contained", "Jon Berg"})
	checkClaims(t, "The station cited a police source as confirming that the suspect had been arrested.", want{"the suspect had been arrested", "police source"})
}

// TestNotAttributions keeps passives with an adverb and nouns after
// "previous" out of the candidates.
func TestNotAttributions(t *testing.T) {
	checkClaims(t, "His death has been erroneously announced several times.", want{"several times", ""})
	checkClaims(t, "Multiple previous claims that the leader had been killed proved false.", want{"the leader had been killed", ""})
}

// TestSpeakerDetails covers abbreviated titles, acronym titles, pairs of
// names, and a description ending in a place.
func TestSpeakerDetails(t *testing.T) {
	checkClaims(t, "Gov. Ana Diaz said the roads were closed. The governor added that schools would stay shut.",
		want{"schools would stay shut", "Ana Diaz"})
	checkClaims(t, "Rain fell in the valleys of the Sutlej and Ravi rivers. DG Imran Qureshi said 11,000 people had moved. He said no deaths had been reported.",
		want{"no deaths had been reported", "Qureshi"})
	checkClaims(t, "A spokesperson on duty at the U.S. Defense Department told reporters she had no information.",
		want{"she had no information", "spokesperson"})
	checkClaims(t, `"We doubt it," Sebastian Gorka, deputy assistant to the president, said on Tuesday.`, want{"We doubt it", "Sebastian Gorka"})
	checkClaims(t, `"We cannot confirm this," Jen Psaki said when asked about General Alex Badeh's statement that the girls were found. "We will not discuss it further."`,
		want{"We will not discuss it further", "Jen Psaki"})
	checkClaims(t, "Ramallah: A reporter was killed in the West Bank on Wednesday, the ministry said.\n\nThe army said it had opened an inquiry.",
		want{"A reporter was killed", "ministry"}, want{"opened an inquiry", "army"})
}

// TestFramesAcrossSentences covers attributions whose claim is set off from
// the verb: a long tail after the verb, a time before a weekday, a colon
// ending a paragraph, and a possessive statement.
func TestFramesAcrossSentences(t *testing.T) {
	checkClaims(t, `"We take every report with caution," Sebastian Gorka, an adviser to the president, said in an interview with Fox News after the claim surfaced.`,
		want{"We take every report with caution", "Sebastian Gorka"}, want{"after the claim surfaced", ""})
	checkClaims(t, `"Pack the car now," he told reporters at a 7 a.m. Wednesday news conference, according to the broadcaster ABC.`,
		want{"Wednesday news conference", ""})
	checkClaims(t, "Peers debated the bill on Tuesday.\n\nIn its report on the debate, the Press Association says:\n\nA previous draft of the bill included a judge as a safeguard.",
		want{"previous draft of the bill", "Press Association"})
	checkClaims(t, "Officials were asked about General Alex Badeh's statement that the military knew where the girls were.",
		want{"the military knew where the girls were", "Alex Badeh"})
}

// TestWireLinesAndBriefings covers one-line wire entries, a source after a
// colon at the end of such a line, and the "Speaker: answer" paragraphs of
// a briefing transcript.
func TestWireLinesAndBriefings(t *testing.T) {
	checkClaims(t, "0708 GMT: Canada said its embassy would stay open\n\n0715 GMT: Radiation at the plant gate has doubled overnight: TEPCO\n\n0722 GMT: Markets open lower",
		want{"embassy would stay open", "Canada"}, want{"Radiation at the plant gate has doubled", "TEPCO"}, want{"Markets open lower", ""})
	text := "Foreign Ministry Spokesperson Lin Wei's Regular Press Conference\n\n" +
		"Northwire: Some officials say the talks have stalled. What is your comment?\n\n" +
		"Lin Wei: The talks are going smoothly. Both sides have agreed on a timetable.\n\n" +
		"We hope the other parties will keep their word.\n\n" +
		"Update: the briefing ended at noon."
	cands := checkClaims(t, text, want{"The talks are going smoothly", "Lin Wei"}, want{"keep their word", "Lin Wei"},
		want{"What is your comment", ""}, want{"briefing ended", ""})
	for _, c := range cands {
		if c.Claimant == "Northwire" {
			t.Errorf("a journalist's question became a claim: %q", c.Claim)
		}
	}
}

// TestDirectiveVerbs takes urging and welcoming as attributions where they
// carry a claim ("welcomed reports that …", "urged that …"), and not a bare
// appeal.
func TestDirectiveVerbs(t *testing.T) {
	checkClaims(t, "The minister welcomed reports that the border had reopened.", want{"the border had reopened", "minister"})
	checkClaims(t, "The health agency urged that all schools be closed for a week.", want{"all schools be closed", "health agency"})
	checkClaims(t, "The council encouraged residents, saying the water was safe to drink.", want{"the water was safe to drink", "council"})
	checkClaims(t, "The mayor urged residents to stay indoors.", want{"stay indoors", ""})
	checkClaims(t, "The mayor warned residents to stay indoors and said the river would peak overnight.",
		want{"stay indoors", ""}, want{"the river would peak overnight", "mayor"})
	checkClaims(t, "The ministry warned the toll could rise to 40.", want{"the toll could rise to 40", "ministry"})
	checkClaims(t, "Officials, however, say the port is open.", want{"the port is open", "Officials"})
}

// TestLeadCaveat lets a caveat in an entry's first paragraph cover the
// claims of the parties it names wherever the entry details them.
func TestLeadCaveat(t *testing.T) {
	flagged(t, "Russia and Ukraine both said they had repelled attacks overnight. Neither claim could be independently verified.\n\n"+
		"Russia's defence ministry said its forces had destroyed two tanks.\n\n"+
		"Ukraine's army said it had shot down a drone.\n\n"+
		"The mayor of the town said schools would reopen on Monday.",
		map[string]bool{"repelled attacks": true, "destroyed two tanks": true, "shot down a drone": true, "schools would reopen": false})
}

// TestBareFourDigitTimes reads "2042 Eurocontrol says …" and "1432: …" as
// entry times when a text has several of them, and a lone year as text.
func TestBareFourDigitTimes(t *testing.T) {
	text := "Live: ash cloud over Europe\n\n2045 The live page is closing for the night.\n\n" +
		"2042 Eurocontrol says it expects half of all transatlantic flights to be cancelled on Friday, AFP reports.\n\n" +
		"2037: A resident tells the BBC she had a peaceful day.\n\n2026 Air traffic control says restrictions will remain in place."
	b, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 4 || b.Entries[1].Time != "2042" || b.Entries[2].Time != "2037" {
		t.Fatalf("entries %+v", b.Entries)
	}
	checkClaims(t, text, want{"half of all transatlantic flights", "Eurocontrol"}, want{"restrictions will remain", "Air traffic control"})
	single, _ := Parse("Protests\n\n2011 was a year of protests, the report said.")
	if len(single.Entries) != 1 || single.Entries[0].Time != "" {
		t.Errorf("a year read as a time: %+v", single.Entries)
	}
}

// TestBriefingInCapitals reads a press briefing whose speakers are written
// in capitals ("MS. LIND:", "QUESTION:").
func TestBriefingInCapitals(t *testing.T) {
	text := "Daily Press Briefing\n\nMS. LIND: Good afternoon. The ceasefire has held for three days.\n\n" +
		"QUESTION: Has the border reopened?\n\nMS. LIND: The border reopened this morning for aid convoys.\n\n" +
		"QUESTION: Thank you."
	cands := checkClaims(t, text, want{"The ceasefire has held for three days", "LIND"}, want{"border reopened this morning", "LIND"},
		want{"Has the border reopened", ""})
	for _, c := range cands {
		if strings.Contains(c.Claimant, "QUESTION") || strings.Contains(c.Claim, "Thank you") {
			t.Errorf("a question became a claim: %+v", c)
		}
	}
}

// TestUnclosedAsides covers a relative clause whose closing comma is
// missing, adverbs before the verb, and greetings in a briefing.
func TestUnclosedAsides(t *testing.T) {
	checkClaims(t, "Monica Robb, who lives under the flight path tells the BBC she had a peaceful day.", want{"she had a peaceful day", "Monica Robb"})
	if c := checkClaims(t, "We have always said this is a war of aggression.", want{"this is a war of aggression", "We"}); len(c) > 0 && c[0].Claimant != "We" {
		t.Errorf("claimant %q, want We", c[0].Claimant)
	}
	for _, c := range checkClaims(t, "MR LIND: Good afternoon, everyone. Happy Tuesday.\n\nQUESTION: Any news?\n\nMR LIND: The talks resume on Monday in Geneva.",
		want{"The talks resume on Monday", "LIND"}) {
		if strings.Contains(c.Claim, "Good afternoon") {
			t.Errorf("a greeting became a claim: %q", c.Claim)
		}
	}
}

// TestTickerStampsAndReporters covers "+++ 10:35 +++" and "10:05 (IST)"
// stamps and a correspondent "reporting from" a place.
func TestTickerStampsAndReporters(t *testing.T) {
	text := "+++ 10:35 +++ The health ministry said 40 people had tested positive.\n\n+++ 10:20 +++ Berlin police said the protest was peaceful.\n\n" +
		"10:05 (IST) The state health ministry said 12 new cases had been found.\n\n" +
		"8:45pm: Al Jazeera's Sherine Tadros, reporting from Cairo, said the square was full."
	b, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	var times []string
	for _, e := range b.Entries {
		times = append(times, e.Time)
	}
	if strings.Join(times, "|") != "10:35|10:20|10:05 (IST)|8:45pm" {
		t.Errorf("times %q", times)
	}
	checkClaims(t, text, want{"40 people had tested positive", "health ministry"}, want{"12 new cases", "health ministry"},
		want{"the square was full", "Sherine Tadros"})
}

// TestOutletsAndPronouns covers news agencies as speakers, "quoted X
// saying", "reported dead", a dateline that is not a speaker, and "it"
// after a body that spoke.
func TestOutletsAndPronouns(t *testing.T) {
	checkClaims(t, "More than 1,000 people may have been killed, The Associated Press reports.", want{"1,000 people may have been killed", "Associated Press"})
	checkClaims(t, "The news agency quoted a local crisis centre saying that nearly 600 had been injured.", want{"nearly 600 had been injured", "crisis centre"})
	checkClaims(t, "The tally seemed to exclude a child reported dead in the next province.", want{"dead in the next province", ""})
	checkClaims(t, "HALVERSTON (Northwire) - Police fired tear gas on Sunday.\n\nThe government said in a statement that protesters had thrown bricks.\n\n\"Officers used minimum force,\" it said.",
		want{"Officers used minimum force", "government"})
	checkClaims(t, "Rescuers searched the rubble overnight.\n\nAt least 217 people were dead by late Sunday, according to The Associated Press\n\nThe army said 40 soldiers had been deployed.",
		want{"217 people were dead", "Associated Press"})
	checkClaims(t, `"We are unarmed," Harry Hung told Northwire. Police fired more tear gas before dark. "This is unbelievable. This is a peaceful protest and the police are using violence," said demonstrator Jade Wong. "It was never like this before."`,
		want{"the police are using violence", "Jade Wong"}, want{"never like this before", "Jade Wong"})
}

// TestSecondHeldOutClasses covers the failure classes a second set of texts
// annotated before any run showed: several asides after a name, "he" after
// a described person who spoke, a clause opening the subject, and figures
// that show something.
func TestSecondHeldOutClasses(t *testing.T) {
	checkClaims(t, "Frenchman Michel Blanc, 43, who owns three houses in the old town, told reporters that he was in bed when the quake struck.",
		want{"he was in bed", "Michel Blanc"})
	checkClaims(t, `In the village of Moulay Idriss, the quake felt like the end of the world, one resident said. "We thought it was judgement day," the resident told reporters. "My children did not die," he added.`,
		want{"My children did not die", "resident"})
	for _, c := range checkClaims(t, "Ana Borg faced heavy criticism on Wednesday when she said she did not regret the decision.", want{"she did not regret the decision", "Ana Borg"}) {
		if c.Claimant != "Ana Borg" {
			t.Errorf("claimant %q, want Ana Borg", c.Claimant)
		}
	}
	checkClaims(t, "Updated interior ministry figures on Saturday showed the quake killed 632 people.", want{"the quake killed 632 people", "interior ministry"})
	checkClaims(t, `Administrator Herman Andaya resigned on Monday. "We will act fast," Mayor Ana Diaz said. Andaya came under criticism, and media attention, on Wednesday when he said he did not regret the decision.`,
		want{"he did not regret the decision", "Herman Andaya"})
}

// TestThirdHeldOutClasses covers what a third set of texts annotated before
// any run showed: a quotation after "described what it was like", "a report
// states that", an adjective "alleged", and an announcement with no claim.
func TestThirdHeldOutClasses(t *testing.T) {
	checkClaims(t, "6pm: Acting High Commissioner Peter Lund has described what it was like in the capital.\n\n“It was pretty scary as the ash started to hit the car.”",
		want{"It was pretty scary", "Peter Lund"})
	checkClaims(t, "A report from the state news agency IRNA states that the new drone \"carries a 150 kg warhead.\"", want{"carries a 150 kg warhead", "IRNA"})
	checkClaims(t, "The alleged attack comes just after the group presented its new drone.", want{"presented its new drone", ""})
	checkClaims(t, "The Government also announced a $500,000 donation which was a starting point.", want{"donation", ""})
	checkClaims(t, "The ministry announced that the border would reopen on Monday.", want{"the border would reopen", "ministry"})
	checkClaims(t, "The United States said it had no information to confirm the report.", want{"it had no information", "United States"})
}

// TestFourthHeldOutClasses covers what a fourth set of texts annotated
// before any run showed: "with X saying", a relative clause holding
// "after", an agency reporting that someone said something, and a time
// clause after "told Reuters".
func TestFourthHeldOutClasses(t *testing.T) {
	checkClaims(t, "The rallies had been mostly peaceful, with President Ana Diaz saying over the weekend she was ready to talk to the protesters.",
		want{"ready to talk to the protesters", "Ana Diaz"})
	checkClaims(t, "A maintenance worker who was rescued after being trapped in the basement said the quake was unusual.",
		want{"the quake was unusual", "maintenance worker"})
	checkClaims(t, "Xinhua News Agency reported that the director of the Taiwan Affairs office, Zhang Wei, said Beijing was willing to send a rescue team.",
		want{"willing to send a rescue team", "Zhang Wei"})
	checkClaims(t, `That day saw "officers without badges shooting at protesters", Ana Borg, Amnesty's Kenya director, told Northwire as the rights group published a press release detailing its reconstruction of the events.`,
		want{"officers without badges", "Ana Borg"})
}
