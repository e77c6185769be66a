package liveblog

import "testing"

// TestGermanObjectVerbs reads the verbs whose object is the claim: a
// separable "gibt … an" closing its clause, "sprach von", "erwähnte",
// "zählt", with the subject first (an adverb may follow it) or after the
// verb.
func TestGermanObjectVerbs(t *testing.T) {
	checkClaims(t, "Die Armee selbst gibt die eigenen Verluste deutlich niedriger an.",
		want{"eigenen Verluste deutlich niedriger", "Armee"})
	checkClaims(t, "Kiew wiederum gibt die Zahl der Toten weiterhin mit etwa 200 an.",
		want{"mit etwa 200", "Kiew"})
	checkClaims(t, "Bürgermeisterin Petra Lang sprach am Abend von 40 zerstörten Häusern.",
		want{"40 zerstörten Häusern", "Petra Lang"})
	checkClaims(t, "Der Landrat erwähnte auch drei vermisste Wanderer.",
		want{"drei vermisste Wanderer", "Landrat"})
	checkClaims(t, "Seit Beginn der Flut zählt die Behörde mehr als 300 zerstörte Häuser.",
		want{"300 zerstörte Häuser", "Behörde"})
	// Not a claim: "zählt zu", "gibt … an" with no subject, "sprach mit".
	checkClaims(t, "Die Stadt zählt zu den ältesten des Landes.", want{"ältesten des Landes", ""})
	checkClaims(t, "Der Minister sprach am Abend mit seinem Amtskollegen.", want{"Amtskollegen", ""})
}

// TestGermanClauseOrder reads a speaker whose clause is not the sentence's
// first: a main clause after a subordinate one (", behauptete X, dass C"),
// a subordinate clause whose verb comes last ("Während X von C
// berichtete,"), a pronoun after a comma (", er erklärte aber, dass C").
func TestGermanClauseOrder(t *testing.T) {
	checkClaims(t, "Während die Regierung von 30 Toten berichtete, behauptete die Opposition später, dass mehr als 100 Menschen getötet worden seien.",
		want{"mehr als 100 Menschen getötet", "Opposition"}, want{"von 30 Toten", "Regierung"})
	checkClaims(t, "„Wir haben viele Verletzte“, sagte der Sprecher der Klinik. Genaue Zahlen nannte der Sprecher nicht, er erklärte aber, dass die Lage unter Kontrolle sei.",
		want{"Lage unter Kontrolle", "Sprecher"})
}

// TestGermanPerfectThat reads the perfect and pluperfect of a reporting
// verb followed by its clause ("hatten bestätigt, dass C", "hat …
// vorgeworfen, … zu blockieren"), with a subject of two parties.
func TestGermanPerfectThat(t *testing.T) {
	checkClaims(t, "Das Rathaus und die Feuerwehr hatten am Montag bestätigt, dass die Brücke gesperrt bleibt.",
		want{"Brücke gesperrt bleibt", "Feuerwehr"})
	checkClaims(t, "Umweltministerin Lena Roth hat dem Konzern vorgeworfen, die Warnungen ignoriert zu haben.",
		want{"Warnungen ignoriert", "Lena Roth"})
}

// TestGermanSpeakerPhrases reads speakers that the plain noun phrase
// misses: an apposition before the verb ("Der Leiter des Dienstes, Karl
// Weber, sagte laut dpa, C"), "lautet die Einschätzung von X", a name in
// quotation marks after its medium, an addressee in the dative after the
// speaker, a plural verb, and "nach offiziellen Angaben".
func TestGermanSpeakerPhrases(t *testing.T) {
	checkClaims(t, "Der Leiter des Wetterdienstes, Karl Weber, sagte laut dpa, dies sei der stärkste Sturm seit 1990.",
		want{"stärkste Sturm seit 1990", "Karl Weber"})
	checkClaims(t, "Die Lage bleibt „angespannt“, lautet die Einschätzung von Innenminister Jens Hoff.",
		want{"Lage bleibt", "Jens Hoff"})
	checkClaims(t, "Der Minister trete zurück, berichtete die Zeitung „Kyiv Post“ unter Berufung auf Regierungskreise.",
		want{"Minister trete zurück", "Kyiv Post"})
	checkClaims(t, "In der Region sind 40 Teams im Einsatz, teilte der Innenminister Ali Demir der staatlichen Nachrichtenagentur Anadolu mit.",
		want{"40 Teams im Einsatz", "Ali Demir"})
	checkClaims(t, "In der Altstadt stürzten mehrere Häuser ein, berichteten Anwohner.",
		want{"mehrere Häuser ein", "Anwohner"})
	checkClaims(t, "Nach offiziellen Angaben gab es in der Nacht zwei weitere Nachbeben.",
		want{"zwei weitere Nachbeben", "Angaben"})
	checkClaims(t, "Die Regierung kündigte weitere Hilfen an: „Die Schulen bleiben geschlossen“, teilte das Ministerium am Mittwoch mit.",
		want{"Schulen bleiben geschlossen", "Ministerium"})
}

// TestGermanSubjunctiveGoesOn continues a speaker through a sentence whose
// verb is in the subjunctive without a pronoun beside it ("Die Zahl
// schließe … ein", "stünden … bereit").
func TestGermanSubjunctiveGoesOn(t *testing.T) {
	checkClaims(t, "„Wir haben 40 Verletzte“, sagte die Sprecherin der Klinik. Die genannte Zahl schließe auch leicht Verletzte ein.",
		want{"schließe auch leicht", "Sprecherin"})
	checkClaims(t, "In der Region sind 40 Teams im Einsatz, teilte das Innenministerium mit. Für die Opfer stünden 500 Betten bereit.",
		want{"500 Betten", "Innenministerium"})
	// Not reported speech: an adjective before its noun.
	checkClaims(t, "In der Region sind 40 Teams im Einsatz, teilte das Innenministerium mit. Die neue Brücke wurde gesperrt.",
		want{"neue Brücke", ""})
}

// TestGermanRoleSpeakers keeps a role with its genitive as the speaker
// ("ein Beamter des US-Militärs", not "US-Militärs") and takes the name
// that follows a role after a comma.
func TestGermanRoleSpeakers(t *testing.T) {
	checkClaims(t, "„Die Schätzung ist vorsichtig“, sagt ein hochrangiger Beamter des US-Militärs.",
		want{"Schätzung ist vorsichtig", "Beamter des US-Militärs"})
	checkClaims(t, "Darunter seien auch Söldner, sagte der Sprecher des russischen Verteidigungsministeriums, Igor Konaschenkow, am Samstag.",
		want{"auch Söldner", "Igor Konaschenkow"})
}

// TestGermanSourceFigures names the source of "russischen Angaben
// zufolge" and "nach offiziellen Angaben" with its adjective: the
// figures of a party, not a speaker called "Angaben".
func TestGermanSourceFigures(t *testing.T) {
	checkClaims(t, "Seit Kriegsbeginn sollen russischen Angaben zufolge 2000 Soldaten getötet worden sein. Die Angaben lassen sich nicht unabhängig überprüfen.",
		want{"2000 Soldaten", "russischen Angaben"})
	checkClaims(t, "Nach offiziellen Angaben gab es in der Nacht zwei weitere Nachbeben.",
		want{"zwei weitere Nachbeben", "offiziellen Angaben"})
}

// TestGermanTopicLabels reads a ticker's summary lines "Thema: Satz" as
// no transcript: a topic with a genitive is no speaker's name.
func TestGermanTopicLabels(t *testing.T) {
	text := "Von: Anna Berg, Jan Roth\n\nAnzahl der Opfer: Die Zahl der Toten in beiden Ländern steigt auf über 700.\n\n" +
		"Bürgerkrieg: Die Hilfe für die Opfer in Syrien gestaltet sich schwierig.\n\n" +
		"+++ 22.25 Uhr: Die Zahl der Toten steigt weiter, teilte die Behörde Afad mit."
	checkClaims(t, text, want{"in beiden Ländern steigt", ""}, want{"gestaltet sich schwierig", ""}, want{"Anzahl der Opfer", ""},
		want{"Zahl der Toten steigt weiter", "Afad"})
}

// TestGermanPronounAfterNewSubject gives "sagte sie" to the person the
// sentence before opens with, even when another spoke earlier in the
// paragraph and that sentence is hardly German by its function words.
func TestGermanPronounAfterNewSubject(t *testing.T) {
	checkClaims(t, "Kretschmann wiederholte seine Forderung. „Es gibt keinen Weg“, sagte er. "+
		"Umweltministerin Thekla Walker fordert hingegen regelmäßige Prüfungen. „Wir müssen wachsam bleiben“, sagte sie.",
		want{"Es gibt keinen Weg", "Kretschmann"}, want{"wachsam bleiben", "Thekla Walker"})
}

// TestGermanAttributiveParticiple reads "die drei bestätigten Todesfälle"
// as a noun phrase, not as "bestätigten" with the speaker "Todesfälle".
func TestGermanAttributiveParticiple(t *testing.T) {
	checkClaims(t, "Das Kabinett hielt eine Stille für die drei bestätigten Todesfälle.", want{"Kabinett hielt", ""})
	checkClaims(t, "Der Mieter ist ums Leben gekommen. Das teilte Oberstaatsanwalt Hauke Roggenbuck am Donnerstag mit.",
		want{"Mieter ist ums Leben", "Hauke Roggenbuck"})
	checkClaims(t, "In der Altstadt stürzten mehrere Häuser ein, berichteten Anwohner.", want{"mehrere Häuser ein", "Anwohner"})
}

// TestGermanSubjunctiveForms continues a speaker through the subjunctive
// of a verb whose stem ends in -t ("Man arbeite daran", which looks like
// a past tense) and through "müssten" and "würden".
func TestGermanSubjunctiveForms(t *testing.T) {
	checkClaims(t, "„Wir haben Kontakt aufgenommen“, sagte Sullivan. Man arbeite unermüdlich daran, alle Helfer aus dem Land zu bringen.",
		want{"Man arbeite unermüdlich", "Sullivan"})
	checkClaims(t, "„Das geht nicht aus der Ferne“, sagte General Kenneth McKenzie. Die Soldaten müssten dieses Risiko eingehen.",
		want{"dieses Risiko eingehen", "McKenzie"})
	// Past tense, not reported speech: "Man machte …".
	checkClaims(t, "„Wir haben Kontakt aufgenommen“, sagte Sullivan. Man machte sich sofort auf den Weg zu den Helfern.",
		want{"Man machte", ""})
}

// TestGermanTickerForms reads forms of German tickers: a clause after a
// colon, an abbreviation in brackets after a speaker, "kündigt … an",
// "Wie aus Ermittlerkreisen verlautete", "erwartete" and "beklagt" with
// their object, and "drohe" going on with the speaker ("soll" does not: it
// says what is planned as often as what is reported).
func TestGermanTickerForms(t *testing.T) {
	checkClaims(t, "Der Regen dürfte die Lage verschärfen: Der Deutsche Wetterdienst (DWD) kündigt für den Harz bis Dienstag Dauerregen an. "+
		"Auch an vielen Bächen drohe weiter Hochwassergefahr.",
		want{"bis Dienstag Dauerregen", "Wetterdienst"}, want{"drohe weiter Hochwassergefahr", "Wetterdienst"})
	checkClaims(t, "Wie aus französischen Ermittlerkreisen verlautete, verließ der Pilot das Cockpit.",
		want{"verließ der Pilot", "Ermittlerkreisen"})
	checkClaims(t, "Der Deutsche Wetterdienst erwartete jedoch erneut große Mengen an Niederschlag.",
		want{"Mengen an Niederschlag", "Wetterdienst"})
	checkClaims(t, "Die Polizei beklagt Plünderungen in der Altstadt.", want{"Plünderungen in der Altstadt", "Polizei"})
	checkClaims(t, "Die Maschine soll einen schlechten Ruf gehabt haben, berichtet die Zeitung „Der Westen“.",
		want{"schlechten Ruf", "Der Westen"})
}

// TestGermanLabelsThatSpeakNot keeps lines of phone numbers, a ticker's
// name and a German photo caption from being read as transcript turns.
func TestGermanLabelsThatSpeakNot(t *testing.T) {
	checkClaims(t, "Germanwings: 0800 1133 5577\n\nAuswärtiges Amt: 030 5000 3000\n\nWetter-Ticker: Die Flutkatastrophe im Ahrtal und in der Eifel",
		want{"0800", ""}, want{"030", ""}, want{"Flutkatastrophe", ""})
	checkClaims(t, "Sachsen-Anhalt, Blankenburg: Das Foto der Polizei zeigt das Haus. (Foto) Suche\n\n"+
		"Sachsen-Anhalt, Blankenburg: Das Foto der Polizei zeigt das Haus, in dem sich die Explosion ereignet hat. Bild: Polizei Magdeburg/dpa",
		want{"Foto der Polizei zeigt", ""})
}

// TestGermanMoreVerbs reads the present tense and further verbs of German
// tickers ("wie X mitteilt", "bekräftigt X, C", "Er glaubt, dass C", "X
// kommentierte: „C“"), a source named by its genitive ("nach Moskaus
// Darstellung"), and an opening adverb that is no speaker.
func TestGermanMoreVerbs(t *testing.T) {
	checkClaims(t, "Das Kommando ist bereits in Mikkeli stationiert, wie Verteidigungsminister Antti Häkkänen mitteilt.",
		want{"bereits in Mikkeli", "Antti Häkkänen"})
	checkClaims(t, "Am Abend bekräftigt der Präsident Wolodymyr Selenskyj, sein Land werde die Gebiete zurückholen.",
		want{"Gebiete zurückholen", "Selenskyj"})
	checkClaims(t, "Der frühere Präsident Donald Trump traf Selenskyj. Er glaubt, dass der Konflikt gelöst werden wird.",
		want{"Konflikt gelöst", "Trump"})
	checkClaims(t, "Vor dem Treffen kommentierte Trump die Beziehung: „Wir haben eine großartige Beziehung.“",
		want{"großartige Beziehung", "Trump"})
	checkClaims(t, "Die Truppen hatten sich nach Moskaus Darstellung aus dem Grossraum Kiew zurückgezogen.",
		want{"aus dem Grossraum Kiew", "Moskau"})
	checkClaims(t, "Zugleich beklagte der Präsident einen gezielten Informationsterror.", want{"Informationsterror", "Präsident"})
	// A colon in brackets ends no clause: "(früher: Lemberg)".
	checkClaims(t, "In der Stadt Lwiw (früher: Lemberg) gab es nach Angaben der Behörden erstmals Tote.",
		want{"erstmals Tote", "Behörden"})
}

// TestGermanEpithetsAndAppeals reads "der 44-Jährige" as the person named
// before, "zum 144. Kriegstag" as no sentence end, and an appeal ("Bitte
// treffen Sie Vorkehrungen") as no claim.
func TestGermanEpithetsAndAppeals(t *testing.T) {
	checkClaims(t, "In der Nacht zum 144. Kriegstag bekräftigt der Präsident Wolodymyr Selenskyj, sein Land werde die Gebiete zurückholen. "+
		"Zugleich beklagte der 44-Jährige einen gezielten Informationsterror.",
		want{"Gebiete zurückholen", "Selenskyj"}, want{"Informationsterror", "Selenskyj"})
	checkClaims(t, "Die Polizei warnt: Bitte treffen Sie Vorkehrungen und sichern Sie Ihre Keller.", want{"Vorkehrungen", ""})
}

// TestGermanDescribesAs reads "X beschreiben ihn als Y" as X's claim, and
// an opening "Weiter" as no speaker.
func TestGermanDescribesAs(t *testing.T) {
	checkClaims(t, "Nachbarn beschreiben den Verdächtigen als zurückgezogen.", want{"als zurückgezogen", "Nachbarn"})
	checkClaims(t, "Weiter heißt es in dem Schreiben: „Der Einsatz macht mich betroffen.“", want{"Einsatz macht mich", ""})
}

// TestGermanPartyEpithet reads "der SPD-Kanzlerkandidat" after a named
// politician as that politician.
func TestGermanPartyEpithet(t *testing.T) {
	checkClaims(t, "14:00 Uhr: Scholz dringt auf Frieden\nBundeskanzler Olaf Scholz hat für eine Friedenslösung geworben.\n"+
		"„Die Ukraine ist ein Land, das sich für Europa entschieden hat“, sagte der SPD-Kanzlerkandidat in Potsdam.",
		want{"für Europa entschieden", "Olaf Scholz"})
}
