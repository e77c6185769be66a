package liveblog

import "testing"

// TestGermanFrames reads the frames of German tickers that put the speaker
// after its verb, after "laut" or "nach Angaben", or after the claim.
func TestGermanFrames(t *testing.T) {
	checkClaims(t, "Der Hafen bleibe bis Montag geschlossen, teilte die Hafenbehörde am Freitag mit.",
		want{"Der Hafen bleibe bis Montag geschlossen", "Hafenbehörde"})
	checkClaims(t, "„Wir haben Tote und Verletzte“, sagte Landrätin Anna Berger gegenüber dem SWR.",
		want{"Wir haben Tote und Verletzte", "Anna Berger"})
	checkClaims(t, "Weitere Geländegewinne meldete der Generalstab aus der Gegend von Orlowka.",
		want{"Geländegewinne", "Generalstab"})
	checkClaims(t, "Wie die Bahn mitteilte, sollen die Strecken bis Ende des Jahres repariert werden.",
		want{"Strecken bis Ende des Jahres repariert", "Bahn"})
	checkClaims(t, "Die Brücke wurde laut Feuerwehr komplett zerstört.",
		want{"Brücke wurde", "Feuerwehr"})
	checkClaims(t, "Laut offiziellen Zahlen aus Kiew sind binnen eines Tages 300 Soldaten getötet worden.",
		want{"300 Soldaten getötet", "Kiew"})
	checkClaims(t, "Nach Angaben des Verteidigungsministeriums wurden seit Februar 4000 Panzer zerstört.",
		want{"4000 Panzer zerstört", "Verteidigungsministerium"})
	checkClaims(t, "Rund 20.000 Haushalte waren nach Angaben des Versorgers Westnetz ohne Strom.",
		want{"20.000 Haushalte", "Westnetz"})
	checkClaims(t, "Die Armee rückt nach eigenen Angaben im Süden weiter vor.",
		want{"rückt", "Armee"})
	checkClaims(t, "Nach Polizeiangaben werden noch zwölf Menschen vermisst.",
		want{"zwölf Menschen vermisst", "Polizei"})
	checkClaims(t, "Einem Medienbericht zufolge ist die Fähre wieder in Betrieb.",
		want{"Fähre wieder in Betrieb", "Medienbericht"})
	checkClaims(t, "Am Freitag soll sich die Lage bessern, so der Wetterdienst.",
		want{"Lage bessern", "Wetterdienst"})
	checkClaims(t, "Der Präsident beschuldigt Russland, die Stadt „bombardiert und beschossen“ zu haben.",
		want{"bombardiert und beschossen", "Präsident"})
	// Not a speaker: a law ("laut Gesetz") in a clause, an agentless "hieß es".
	checkClaims(t, "Der Verdacht richte sich gegen den Landrat, weil dieser laut Gesetzeslage die Einsatzleitung hatte.",
		want{"Verdacht richte sich", ""})
	checkClaims(t, "Die Lage bleibe angespannt, hieß es am Mittag.", want{"Lage bleibe angespannt", ""})
}

// TestGermanReportedSpeech continues a speaker through the sentences in
// the subjunctive of reported speech ("Es gehe um …", "Der Verdacht richte
// sich …") and reads "Das teilte X mit." as X's word for the sentence
// before it.
func TestGermanReportedSpeech(t *testing.T) {
	text := "11:28 Uhr: Es gehe um den Verdacht der fahrlässigen Tötung, teilte die Staatsanwaltschaft am Freitag mit. " +
		"Der Verdacht richte sich gegen den Landrat. Es hätten sich zureichende Anhaltspunkte dafür ergeben.\n\n" +
		"11:40 Uhr: Der Präsident hat den Antrag unterzeichnet. Das teilte das Parlament in seinem Telegram-Kanal mit.\n\n" +
		"11:50 Uhr: Dänemark stellt 700 Millionen Euro bereit, teilte das Ministerium mit. Der Großteil soll demnach noch in diesem Jahr ankommen.\n\n" +
		"12:00 Uhr: Die Brücke ist gesperrt. Es gebe keine Umleitung."
	checkClaims(t, text, want{"Verdacht der fahrlässigen Tötung", "Staatsanwaltschaft"},
		want{"richte sich gegen den Landrat", "Staatsanwaltschaft"}, want{"zureichende Anhaltspunkte", "Staatsanwaltschaft"},
		want{"den Antrag unterzeichnet", "Parlament"}, want{"noch in diesem Jahr ankommen", "Ministerium"},
		want{"keine Umleitung", ""})
}

// TestGermanQuotationMarks reads „…“ as one quotation: its closing mark
// opens nothing, so the sentences after it are still split and read.
func TestGermanQuotationMarks(t *testing.T) {
	para := "„Die Lage ist ernst. Wir brauchen Hilfe“, sagte der Bürgermeister. Die Feuerwehr teilte mit, dass drei Häuser eingestürzt seien."
	if got := len(splitSentences(para)); got != 2 {
		t.Errorf("%d sentences in %q, want 2", got, para)
	}
	if qs := quoteSpans("„Wir brauchen Hilfe“, sagte er. Dann ging er."); len(qs) != 1 || qs[0].e > len("„Wir brauchen Hilfe“") {
		t.Errorf("quotations %v", qs)
	}
	checkClaims(t, para, want{"Die Lage ist ernst", "Bürgermeister"}, want{"drei Häuser eingestürzt", "Feuerwehr"})
}

// TestGermanOnlyInGerman keeps English sentences with a German name or
// word on the English rules.
func TestGermanOnlyInGerman(t *testing.T) {
	for _, s := range []string{"Ursula von der Leyen said the bloc would send aid to the region.",
		"The Die Welt newspaper said the talks had failed.", "Die Hard star Bruce Willis, 67, is retiring."} {
		if isGermanSentence(words(s)) {
			t.Errorf("the English sentence %q read as German", s)
		}
	}
	checkClaims(t, "The Die Welt newspaper said the talks had failed.", want{"the talks had failed", "Die Welt"})
}

// TestGermanSpeakerForms reads a day's date inside a sentence, a pronoun
// after its verb and "und sagte:" (the quotation after the colon names no
// speaker).
func TestGermanSpeakerForms(t *testing.T) {
	if got := len(splitSentences("Es gehe um den Abend des 14. Juli, teilte die Behörde mit. Sie ermittelt.")); got != 2 {
		t.Errorf("%d sentences, want 2 (a date's full stop ends none)", got)
	}
	checkClaims(t, "Wie das Ministerium in seinem Bericht vom 24. Februar mitteilte, seien 40 Dörfer befreit worden.",
		want{"40 Dörfer befreit", "Ministerium"})
	checkClaims(t, "Die Kanzlerin Petra Lange dankte dem Minister. „Zusammen schaffen wir den Wiederaufbau“, schrieb sie auf der Plattform X.",
		want{"Zusammen schaffen wir den Wiederaufbau", "Petra Lange"})
	checkClaims(t, "Der Präsident Ilja Brandt dankte der Regierungschefin Ute Kamp für die Hilfe zur rechten Zeit. „Wir bauen alles wieder auf“, schrieb er auf der Plattform X.",
		want{"Wir bauen alles wieder auf", "Ilja Brandt"})
	checkClaims(t, "Der Bürgermeister Jan Ohm wandte sich an die Bewohner und sagte: „Das Wasser sinkt seit dem Morgen.“",
		want{"Das Wasser sinkt", "Jan Ohm"})
}

// TestGermanCaveatForms flags the claims of a paragraph whose caveat says
// the figures are "nicht sofort überprüfbar".
func TestGermanCaveatForms(t *testing.T) {
	text := "Weitere Teilerfolge meldete der Generalstab aus der Gegend von Orlowka. Die Militärangaben sind nicht sofort überprüfbar."
	flagged(t, text, map[string]bool{"Teilerfolge": true})
}

// TestGermanSecondRound holds the forms a second round of tickers showed:
// "eigenen Angaben zufolge", "nach der Darstellung der X", "reklamierte X
// für sich", an attribute between article and noun ("der für die Region
// zuständige Direktor X") and a subjunctive beside its pronoun.
func TestGermanSecondRound(t *testing.T) {
	checkClaims(t, "Das Rote Kreuz ist eigenen Angaben zufolge mit beiden Seiten in Kontakt.",
		want{"mit beiden Seiten in Kontakt", "Rote Kreuz"})
	checkClaims(t, "Die Armee weitet nach der Darstellung der Miliz ihre Angriffe im Norden aus.",
		want{"ihre Angriffe im Norden", "Miliz"})
	checkClaims(t, "Erst am Mittwoch reklamierte die Miliz den Beschuss eines Grenzpostens für sich.",
		want{"Beschuss eines Grenzpostens", "Miliz"})
	checkClaims(t, "„Wir sind zu Besuchen bereit“, sagt der für die Region zuständige Direktor Paul Sommer.",
		want{"Wir sind zu Besuchen bereit", "Paul Sommer"})
	checkClaims(t, "Der Kanzler sagte, er stehe in engem Kontakt mit Kairo. Zudem spreche er noch heute mit Ankara.",
		want{"noch heute mit Ankara", "Kanzler"})
}

// TestGermanThirdRound holds the forms a third round of tickers showed: a
// pronoun speaking at the start or after an adverb ("Er betonte, …",
// "Zugleich betonte er, …") is the speaker before, "sagte er" after a
// speaker named by "laut", "Dies verlautbarte X", the perfect tense ("X
// hat … bestätigt") and "Man nehme …" as reported speech.
func TestGermanThirdRound(t *testing.T) {
	checkClaims(t, "Die Kontrollen seien nötig, sagte General Tom Ruck am Donnerstag. Er betonte, niemand dürfe eine Bombe einschmuggeln. Daher seien die Kontrollen unerlässlich.",
		want{"niemand dürfe eine Bombe", "Tom Ruck"}, want{"Kontrollen unerlässlich", "Tom Ruck"})
	checkClaims(t, "Generalsekretär Jens Berg erklärte auf Twitter, er verurteile den Anschlag. Zugleich betonte er, die Priorität liege bei der Evakuierung.",
		want{"Priorität liege bei der Evakuierung", "Jens Berg"})
	checkClaims(t, "Europa muss laut Kommissar Paolo Genti einen Korridor schaffen. \"Europa muss sich rüsten\", sagte er der Zeitung.",
		want{"Europa muss sich rüsten", "Paolo Genti"})
	checkClaims(t, "Der Ableger der Miliz hat den Anschlag für sich reklamiert.", want{"Anschlag für sich reklamiert", "Ableger der Miliz"})
	checkClaims(t, "Der Konvoi ist in der Stadt angekommen. Dies verlautbarte die Miliz am Abend mit einer Nachricht.",
		want{"Konvoi ist in der Stadt angekommen", "Miliz"})
	checkClaims(t, "Die Regierung hat Medienberichte über die Gefahr eines Anschlags bestätigt.",
		want{"Medienberichte über die Gefahr", "Regierung"})
	checkClaims(t, "\"Die Bedrohung ist real\", sagte der Berater Jan Sulle. Man nehme die Warnungen sehr ernst.",
		want{"Warnungen sehr ernst", "Jan Sulle"})
}
