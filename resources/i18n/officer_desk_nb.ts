<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Officer Desk</source>
        <translation>Om Officer Desk</translation>
    </message>
    <message>
        <source>Officer Desk logo</source>
        <translation>Officer Desk-logo</translation>
    </message>
    <message>
        <source>Officer Desk {version}</source>
        <translation>Officer Desk {version}</translation>
    </message>
    <message>
        <source>The contact officer&apos;s desk: the people you follow, their meals, activities and notes, and their preparation for release. Works offline.</source>
        <translation>Kontaktbetjentens skrivebord: de du følger opp, måltidene deres, aktiviteter og notater, og forberedelsene til løslatelse. Virker uten nett.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Loggfil</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisens</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>Komponenter og lisensene deres</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lisenstekst</translation>
    </message>
    <message>
        <source>{name} is used under {licence}. Its licence text is not included in this installation; it can be read at {homepage}.</source>
        <translation>{name} brukes under {licence}. Lisensteksten følger ikke med denne installasjonen; den kan leses på {homepage}.</translation>
    </message>
    <message>
        <source>the component&apos;s project page</source>
        <translation>komponentens prosjektside</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Ny konto…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Tilbakestill passord…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Endre r&amp;olle…</translation>
    </message>
    <message>
        <source>&amp;Close account…</source>
        <translation>&amp;Steng konto…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stengt</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Log an activity</source>
        <translation>Registrer en aktivitet</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Optional: how it went</source>
        <translation>Valgfritt: hvordan det gikk</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Choose the programme…</source>
        <translation>Velg programmet …</translation>
    </message>
    <message>
        <source>{name} (not enrolled)</source>
        <translation>{name} (ikke påmeldt)</translation>
    </message>
    <message>
        <source>{name} ({n} of {total} enrolled)</source>
        <translation>{name} ({n} av {total} påmeldt)</translation>
    </message>
    <message>
        <source>The activity</source>
        <translation>Aktiviteten</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>Velg minst én person.</translation>
    </message>
    <message>
        <source>Choose the programme this session belongs to.</source>
        <translation>Velg programmet denne økten hører til.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Contact officer</source>
        <translation>Kontaktbetjent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Vaktleder</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Lock the desk after idle time</source>
        <translation>Lås skrivebordet etter inaktiv tid</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutter</translation>
    </message>
    <message>
        <source>Nudge when no one-to-one conversation for</source>
        <translation>Påminnelse når det ikke har vært kontaktsamtale på</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dager</translation>
    </message>
    <message>
        <source>Flag a refusal streak after</source>
        <translation>Flagg nektede måltider på rad etter</translation>
    </message>
    <message>
        <source>declined meals</source>
        <translation>nektede måltider</translation>
    </message>
    <message>
        <source>Keep records after release for</source>
        <translation>Behold data etter løslatelse i</translation>
    </message>
    <message>
        <source>years</source>
        <translation>år</translation>
    </message>
    <message>
        <source>Accounts and settings</source>
        <translation>Kontoer og innstillinger</translation>
    </message>
    <message>
        <source>&amp;Back to the desk</source>
        <translation>&amp;Tilbake til skrivebordet</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Innsattliste</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role}).</source>
        <translation>Logget inn som {name} ({role}).</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>ArrangeDialog</name>
    <message>
        <source>Arrange the cards</source>
        <translation>Ordne kortene</translation>
    </message>
    <message>
        <source>Cards are ordered by need: safety alerts first, then refused meals, release without a place to live or school/job, overdue follow-ups and no recent talk. Put them in an order of your own here; people assigned later come after them, by need.</source>
        <translation>Kortene står etter behov: sikkerhetsvarsler først, så nektede måltider, løslatelse uten bolig eller skole/jobb, forfalte oppfølginger og ingen samtale på lenge. Her kan du sette dem i din egen rekkefølge; de som blir tildelt senere, kommer etter dem, etter behov.</translation>
    </message>
    <message>
        <source>People in card order</source>
        <translation>Personer i kortrekkefølge</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytt &amp;opp</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flytt &amp;ned</translation>
    </message>
    <message>
        <source>Order by &amp;need</source>
        <translation>Ordne etter &amp;behov</translation>
    </message>
    <message>
        <source>Forget your order and order the cards by need</source>
        <translation>Glem din rekkefølge og ordne kortene etter behov</translation>
    </message>
    <message>
        <source>Keep this order</source>
        <translation>Behold denne rekkefølgen</translation>
    </message>
</context>
<context>
    <name>CaseloadProgressModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Siste 12 uker</translation>
    </message>
    <message>
        <source>{h} hours in the last 4 weeks</source>
        <translation>{h} timer de siste 4 ukene</translation>
    </message>
</context>
<context>
    <name>CaseloadProgressPage</name>
    <message>
        <source>Programme progress</source>
        <translation>Programfremdrift</translation>
    </message>
    <message>
        <source>Hours and attendance come from the programme sessions logged; the bars show hours per week over the last 12 weeks.</source>
        <translation>Timer og oppmøte kommer fra de registrerte programøktene; søylene viser timer per uke de siste 12 ukene.</translation>
    </message>
    <message>
        <source>No one on this caseload is enrolled in a programme yet.</source>
        <translation>Ingen i dette kontaktansvaret er påmeldt et program ennå.</translation>
    </message>
</context>
<context>
    <name>CatalogueEditor</name>
    <message>
        <source>Programme catalogue</source>
        <translation>Programkatalog</translation>
    </message>
    <message>
        <source>Programmes officers can enrol people in. Milestones can be renamed or added, not removed, because people may already have them signed off.</source>
        <translation>Programmer betjentene kan melde innsatte på. Delmål kan gis nytt navn eller legges til, men ikke fjernes, fordi noen kan ha fått dem godkjent allerede.</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Nytt program</translation>
    </message>
    <message>
        <source>Short code, e.g. WELD</source>
        <translation>Kort kode, f.eks. SVEIS</translation>
    </message>
    <message>
        <source>Milestone (English)</source>
        <translation>Delmål (engelsk)</translation>
    </message>
    <message>
        <source>Milestone (Norwegian)</source>
        <translation>Delmål (norsk)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>Legg til delmål</translation>
    </message>
    <message>
        <source>Remove new milestone</source>
        <translation>Fjern nytt delmål</translation>
    </message>
    <message>
        <source>Only milestones added now and not saved yet can be removed</source>
        <translation>Bare delmål som er lagt til nå og ikke lagret ennå, kan fjernes</translation>
    </message>
    <message>
        <source>Save programme</source>
        <translation>Lagre program</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Navn (engelsk)</translation>
    </message>
    <message>
        <source>Name (Norwegian)</source>
        <translation>Navn (norsk)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Milestones, in order, with the hours they usually take</source>
        <translation>Delmål i rekkefølge, med timene de vanligvis tar</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Rediger {name}</translation>
    </message>
    <message>
        <source>Milestone {n}: hours must be a whole number.</source>
        <translation>Delmål {n}: timene må være et helt tall.</translation>
    </message>
    <message>
        <source>Programme {code} saved</source>
        <translation>Program {code} er lagret</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Record a certificate</source>
        <translation>Registrer et kursbevis</translation>
    </message>
    <message>
        <source>e.g. Forklift licence (truckførerbevis)</source>
        <translation>f.eks. Truckførerbevis</translation>
    </message>
    <message>
        <source>Who issued it (optional)</source>
        <translation>Hvem som utstedte det (valgfritt)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ingen —</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Kursbevis</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Utstedt</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Utstedt av</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Write what the certificate is for.</source>
        <translation>Skriv hva kursbeviset gjelder.</translation>
    </message>
    <message>
        <source>The certificate&apos;s date is in the future.</source>
        <translation>Datoen på kursbeviset er fram i tid.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Endre passordet ditt</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Endre passord</translation>
    </message>
    <message>
        <source>For {name}. Use at least 10 characters; a few words together are easy to remember and hard to guess.</source>
        <translation>For {name}. Bruk minst 10 tegn; noen ord sammen er lette å huske og vanskelige å gjette.</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Nåværende passord</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nytt passord</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Gjenta nytt passord</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Skriv inn det nåværende passordet ditt.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type them again.</source>
        <translation>De to nye passordene er ikke like. Skriv dem på nytt.</translation>
    </message>
</context>
<context>
    <name>CloseAccountDialog</name>
    <message>
        <source>Close account</source>
        <translation>Steng konto</translation>
    </message>
    <message>
        <source>Close the account of {name} ({username})? They can no longer sign in here. What they recorded stays in the records.</source>
        <translation>Stenge kontoen til {name} ({username})? Vedkommende kan ikke lenger logge inn her. Det de har registrert, blir liggende i dataene.</translation>
    </message>
</context>
<context>
    <name>ConflictReview</name>
    <message>
        <source>decided</source>
        <translation>avgjort</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>å avgjøre</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>til gjennomsyn</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>noen</translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation>denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>{who} on {where}, {when}</source>
        <translation>{who} på {where}, {when}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrering</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hva som skjedde</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Oppdaget</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>Endringen</translation>
    </message>
    <message>
        <source>Why the hub refused</source>
        <translation>Hvorfor serveren avviste</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>workstation {id}</source>
        <translation>arbeidsstasjon {id}</translation>
    </message>
    <message>
        <source>(the unit)</source>
        <translation>(avdelingen)</translation>
    </message>
    <message>
        <source>Two values</source>
        <translation>To verdier</translation>
    </message>
    <message>
        <source>Two note revisions</source>
        <translation>To notatversjoner</translation>
    </message>
    <message>
        <source>Disputed item</source>
        <translation>Omstridt punkt</translation>
    </message>
    <message>
        <source>Two contact officers</source>
        <translation>To kontaktbetjenter</translation>
    </message>
    <message>
        <source>Overlapping cover</source>
        <translation>Overlappende stedfortreder</translation>
    </message>
    <message>
        <source>Enrolled twice</source>
        <translation>Påmeldt to ganger</translation>
    </message>
    <message>
        <source>Two release plans</source>
        <translation>To løslatelsesplaner</translation>
    </message>
    <message>
        <source>Milestone signed off twice</source>
        <translation>Delmål godkjent to ganger</translation>
    </message>
    <message>
        <source>Release signed off twice</source>
        <translation>Løslatelse godkjent to ganger</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Support declined</source>
        <translation>Støtte avslått</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Ikke nødvendig</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Omstridt</translation>
    </message>
</context>
<context>
    <name>ConflictReviewPage</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Show &amp;decided ones too</source>
        <translation>Vis &amp;avgjorte også</translation>
    </message>
    <message>
        <source>Show decided conflicts too</source>
        <translation>Vis avgjorte konflikter også</translation>
    </message>
    <message>
        <source>Kept by the sync</source>
        <translation>Beholdt av synkroniseringen</translation>
    </message>
    <message>
        <source>&amp;Keep this value</source>
        <translation>&amp;Behold denne verdien</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>Den andre verdien</translation>
    </message>
    <message>
        <source>&amp;Use this value</source>
        <translation>&amp;Bruk denne verdien</translation>
    </message>
    <message>
        <source>Combined value</source>
        <translation>Sammenslått verdi</translation>
    </message>
    <message>
        <source>Save the &amp;combined value</source>
        <translation>Lagre den &amp;sammenslåtte verdien</translation>
    </message>
    <message>
        <source>Save the combined value</source>
        <translation>Lagre den sammenslåtte verdien</translation>
    </message>
    <message>
        <source>Status the item really has</source>
        <translation>Statusen punktet faktisk har</translation>
    </message>
    <message>
        <source>Set this &amp;status</source>
        <translation>Sett denne &amp;statusen</translation>
    </message>
    <message>
        <source>Set this status</source>
        <translation>Sett denne statusen</translation>
    </message>
    <message>
        <source>Keep &amp;both revisions</source>
        <translation>Behold &amp;begge versjonene</translation>
    </message>
    <message>
        <source>Keep both revisions</source>
        <translation>Behold begge versjonene</translation>
    </message>
    <message>
        <source>Or write a combined value:</source>
        <translation>Eller skriv en sammenslått verdi:</translation>
    </message>
    <message>
        <source>Nothing to decide: the sync merged everything.</source>
        <translation>Ingenting å avgjøre: synkroniseringen slo sammen alt.</translation>
    </message>
    <message>
        <source>Changes the hub refused</source>
        <translation>Endringer serveren avviste</translation>
    </message>
    <message>
        <source>&amp;Dismiss the chosen change</source>
        <translation>&amp;Fjern den valgte endringen</translation>
    </message>
    <message>
        <source>Dismiss the chosen rejected change</source>
        <translation>Fjern den valgte avviste endringen</translation>
    </message>
    <message>
        <source>These changes were made on this workstation but the hub refused them; they are not on the other workstations. Read why, make the change again if it is still needed, then dismiss it.</source>
        <translation>Disse endringene ble gjort på denne arbeidsstasjonen, men serveren avviste dem; de finnes ikke på de andre arbeidsstasjonene. Les hvorfor, gjør endringen på nytt hvis den fortsatt trengs, og fjern den deretter.</translation>
    </message>
    <message>
        <source>Rejected changes</source>
        <translation>Avviste endringer</translation>
    </message>
    <message>
        <source>{open} to decide, {auto} decided by the sync to review, 1 change the hub refused.</source>
        <translation>{open} å avgjøre, {auto} avgjort av synkroniseringen til gjennomsyn, 1 endring avvist av serveren.</translation>
    </message>
    <message>
        <source>{open} to decide, {auto} decided by the sync to review, {rejected} changes the hub refused.</source>
        <translation>{open} å avgjøre, {auto} avgjort av synkroniseringen til gjennomsyn, {rejected} endringer avvist av serveren.</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>Konflikter ({n})</translation>
    </message>
    <message>
        <source>Rejected changes ({n})</source>
        <translation>Avviste endringer ({n})</translation>
    </message>
    <message>
        <source>Choose a conflict to see both values.</source>
        <translation>Velg en konflikt for å se begge verdiene.</translation>
    </message>
    <message>
        <source>One officer set</source>
        <translation>Én betjent satte</translation>
    </message>
    <message>
        <source>Another officer set</source>
        <translation>En annen betjent satte</translation>
    </message>
    <message>
        <source>Write the combined value before saving the decision.</source>
        <translation>Skriv den sammenslåtte verdien før du lagrer avgjørelsen.</translation>
    </message>
    <message>
        <source>Choose a change in the list first.</source>
        <translation>Velg en endring i listen først.</translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <source>One-to-one conversation</source>
        <translation>Kontaktsamtale</translation>
    </message>
    <message>
        <source>Other topics, separated by commas</source>
        <translation>Andre temaer, skilt med komma</translation>
    </message>
    <message>
        <source>Other topics</source>
        <translation>Andre temaer</translation>
    </message>
    <message>
        <source>What you talked about, what they want to work on</source>
        <translation>Hva dere snakket om, hva vedkommende vil jobbe med</translation>
    </message>
    <message>
        <source>+ Add a follow-up</source>
        <translation>+ Legg til oppfølgingspunkt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humør</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temaer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Oppfølgingspunkter</translation>
    </message>
    <message>
        <source>What you agreed to follow up</source>
        <translation>Hva dere ble enige om å følge opp</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>The conversation</source>
        <translation>Samtalen</translation>
    </message>
    <message>
        <source>Choose the person you talked with.</source>
        <translation>Velg personen du snakket med.</translation>
    </message>
    <message>
        <source>Choose their mood: how did they seem?</source>
        <translation>Velg humøret: hvordan virket vedkommende?</translation>
    </message>
    <message>
        <source>A follow-up cannot be due in the past.</source>
        <translation>Et oppfølgingspunkt kan ikke ha frist tilbake i tid.</translation>
    </message>
</context>
<context>
    <name>CorrectEntryDialog</name>
    <message>
        <source>Void an entry</source>
        <translation>Annuller en oppføring</translation>
    </message>
    <message>
        <source>Correct an entry</source>
        <translation>Rett en oppføring</translation>
    </message>
    <message>
        <source>The entry no longer counts and leaves the timeline. It stays in the history with your reason.</source>
        <translation>Oppføringen teller ikke lenger og forsvinner fra tidslinjen. Den blir stående i historikken med begrunnelsen din.</translation>
    </message>
    <message>
        <source>Your correction counts from now on. The entry as first written stays in the history with your reason.</source>
        <translation>Rettelsen din teller fra nå av. Oppføringen slik den først ble skrevet, blir stående i historikken med begrunnelsen din.</translation>
    </message>
    <message>
        <source>Typed in a hurry</source>
        <translation>Skrevet i en fart</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>Feil person</translation>
    </message>
    <message>
        <source>Wrong time</source>
        <translation>Feil tidspunkt</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Hvorfor?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Void entry</source>
        <translation>Annuller oppføringen</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Lagre rettelsen</translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation>(ingen grunn)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Utfall</translation>
    </message>
    <message>
        <source>&amp;Why declined</source>
        <translation>&amp;Hvorfor avslått</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Varighet</translation>
    </message>
    <message>
        <source>&amp;Mood</source>
        <translation>&amp;Humør</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>Give a reason; it stays with the history.</source>
        <translation>Oppgi en begrunnelse; den blir stående i historikken.</translation>
    </message>
</context>
<context>
    <name>CoverDialog</name>
    <message>
        <source>Arrange cover</source>
        <translation>Ordne stedfortreder</translation>
    </message>
    <message>
        <source>Officer on leave</source>
        <translation>Betjent med fravær</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Stedfortreder</translation>
    </message>
    <message>
        <source>Cover starts</source>
        <translation>Stedfortreding starter</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>The people return to their contact officer by themselves on the day they are back; nobody has to do anything then.</source>
        <translation>Personene går tilbake til kontaktbetjenten sin av seg selv den dagen vedkommende er tilbake; ingen trenger å gjøre noe da.</translation>
    </message>
    <message>
        <source>Covers running or planned</source>
        <translation>Pågående eller planlagte stedfortredinger</translation>
    </message>
    <message>
        <source>&amp;End the chosen cover today</source>
        <translation>&amp;Avslutt valgt stedfortreding i dag</translation>
    </message>
    <message>
        <source>End the chosen cover today</source>
        <translation>Avslutt valgt stedfortreding i dag</translation>
    </message>
    <message>
        <source>&amp;Officer on leave</source>
        <translation>&amp;Betjent med fravær</translation>
    </message>
    <message>
        <source>&amp;Covered by</source>
        <translation>&amp;Stedfortreder</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Starter</translation>
    </message>
    <message>
        <source>&amp;Back on</source>
        <translation>&amp;Tilbake</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>{cover} covers {absent} ({n} people), {start} until back on {end}</source>
        <translation>{cover} er stedfortreder for {absent} ({n} personer), {start} til tilbake {end}</translation>
    </message>
    <message>
        <source>No cover is running or planned.</source>
        <translation>Ingen stedfortreding pågår eller er planlagt.</translation>
    </message>
    <message>
        <source>Choose two officers of the unit.</source>
        <translation>Velg to betjenter på avdelingen.</translation>
    </message>
    <message>
        <source>An officer cannot cover for themselves.</source>
        <translation>En betjent kan ikke være stedfortreder for seg selv.</translation>
    </message>
    <message>
        <source>The cover cannot start in the past.</source>
        <translation>Stedfortredingen kan ikke starte tilbake i tid.</translation>
    </message>
    <message>
        <source>The cover must end after it starts; check the dates.</source>
        <translation>Stedfortredingen må slutte etter at den starter; sjekk datoene.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Officer Desk ran into a problem</source>
        <translation>Officer Desk støtte på et problem</translation>
    </message>
    <message>
        <source>Something went wrong inside Officer Desk. Everything saved before this moment is safe. Please copy the details below and give them to facility IT, together with what you were doing.</source>
        <translation>Noe gikk galt inne i Officer Desk. Alt som ble lagret før dette, er trygt. Kopier detaljene nedenfor og gi dem til IT-ansvarlig, sammen med hva du holdt på med.</translation>
    </message>
    <message>
        <source>The full log is in: {path}</source>
        <translation>Hele loggen ligger i: {path}</translation>
    </message>
    <message>
        <source>Officer Desk closed unexpectedly</source>
        <translation>Officer Desk ble avsluttet uventet</translation>
    </message>
    <message>
        <source>Officer Desk stopped unexpectedly the last time it ran. Everything saved before then is safe. Please give the crash report below to facility IT, together with what you were doing at the time.</source>
        <translation>Officer Desk stoppet uventet sist det var i bruk. Alt som ble lagret før det, er trygt. Gi krasjrapporten nedenfor til IT-ansvarlig, sammen med hva du holdt på med da det skjedde.</translation>
    </message>
    <message>
        <source>The crash report is in: {path}</source>
        <translation>Krasjrapporten ligger i: {path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Kopier detaljer</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åpne mappen</translation>
    </message>
</context>
<context>
    <name>DateChangeDialog</name>
    <message>
        <source>Change the release date</source>
        <translation>Endre løslatelsesdato</translation>
    </message>
    <message>
        <source>Change date</source>
        <translation>Endre dato</translation>
    </message>
    <message>
        <source>New release date</source>
        <translation>Ny løslatelsesdato</translation>
    </message>
    <message>
        <source>The due dates of open items move with the release date. Items already done keep their dates.</source>
        <translation>Fristene for åpne punkter flyttes sammen med løslatelsesdatoen. Punkter som er ferdige, beholder datoene sine.</translation>
    </message>
    <message>
        <source>Release date now</source>
        <translation>Løslatelsesdato nå</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Was due</source>
        <translation>Frist før</translation>
    </message>
    <message>
        <source>Now due</source>
        <translation>Frist nå</translation>
    </message>
    <message>
        <source>Release date changed to {date}. These due dates moved:</source>
        <translation>Løslatelsesdatoen er endret til {date}. Disse fristene ble flyttet:</translation>
    </message>
    <message>
        <source>Release date changed to {date}. No open item&apos;s due date moved.</source>
        <translation>Løslatelsesdatoen er endret til {date}. Ingen frister for åpne punkter ble flyttet.</translation>
    </message>
</context>
<context>
    <name>DemoCreation</name>
    <message>
        <source>Making demo records for a whole unit…</source>
        <translation>Lager demodata for en hel avdeling…</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Log &amp;meal…</source>
        <translation>Registrer &amp;måltid…</translation>
    </message>
    <message>
        <source>Log a meal for everyone on the caseload</source>
        <translation>Registrer et måltid for alle i kontaktansvaret</translation>
    </message>
    <message>
        <source>Log &amp;activity…</source>
        <translation>Registrer &amp;aktivitet…</translation>
    </message>
    <message>
        <source>Log an activity for one or more people</source>
        <translation>Registrer en aktivitet for én eller flere personer</translation>
    </message>
    <message>
        <source>&amp;Conversation…</source>
        <translation>&amp;Kontaktsamtale…</translation>
    </message>
    <message>
        <source>Record a one-to-one conversation</source>
        <translation>Registrer en kontaktsamtale</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;Notat…</translation>
    </message>
    <message>
        <source>Write a case note</source>
        <translation>Skriv et journalnotat</translation>
    </message>
    <message>
        <source>&amp;Strength or progress…</source>
        <translation>&amp;Mestring eller fremgang…</translation>
    </message>
    <message>
        <source>Record something that went well</source>
        <translation>Registrer noe som gikk bra</translation>
    </message>
    <message>
        <source>&amp;Undo last meal log…</source>
        <translation>&amp;Angre siste måltidsregistrering…</translation>
    </message>
    <message>
        <source>Undo your last meal log in this shift</source>
        <translation>Angre din siste måltidsregistrering i denne vakten</translation>
    </message>
    <message>
        <source>&amp;Find person…</source>
        <translation>&amp;Finn person…</translation>
    </message>
    <message>
        <source>Find a person by name or cell</source>
        <translation>Finn en person etter navn eller celle</translation>
    </message>
    <message>
        <source>Ne&amp;xt person</source>
        <translation>Ne&amp;ste person</translation>
    </message>
    <message>
        <source>Next person on the caseload</source>
        <translation>Neste person i kontaktansvaret</translation>
    </message>
    <message>
        <source>&amp;Previous person</source>
        <translation>&amp;Forrige person</translation>
    </message>
    <message>
        <source>Previous person on the caseload</source>
        <translation>Forrige person i kontaktansvaret</translation>
    </message>
    <message>
        <source>Caseload &amp;home</source>
        <translation>&amp;Kontaktansvaret</translation>
    </message>
    <message>
        <source>Back to the caseload</source>
        <translation>Tilbake til kontaktansvaret</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynkroniser nå</translation>
    </message>
    <message>
        <source>Send and receive changes with the hub</source>
        <translation>Send og hent endringer hos serveren</translation>
    </message>
</context>
<context>
    <name>DeskGate</name>
    <message>
        <source>No records on this workstation</source>
        <translation>Ingen data på denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>These records are not encrypted yet</source>
        <translation>Disse dataene er ikke kryptert ennå</translation>
    </message>
    <message>
        <source>Facility IT: run&lt;br&gt;&lt;code&gt;officer-desk-admin encrypt --user ADMIN&lt;/code&gt;&lt;br&gt;once, with an admin&apos;s user name, to protect them. Nothing is lost.</source>
        <translation>IT-ansvarlig: kjør&lt;br&gt;&lt;code&gt;officer-desk-admin encrypt --user ADMIN&lt;/code&gt;&lt;br&gt;én gang, med brukernavnet til en administrator, for å beskytte dem. Ingenting går tapt.</translation>
    </message>
    <message>
        <source>The records cannot be opened here</source>
        <translation>Dataene kan ikke åpnes her</translation>
    </message>
    <message>
        <source>The key file that belongs beside the records is missing.</source>
        <translation>Nøkkelfilen som hører til ved siden av dataene, mangler.</translation>
    </message>
    <message>
        <source>Without it no password can open them. Ask facility IT to restore the records and their key file together from a backup.&lt;br&gt;&lt;br&gt;Records: &lt;code&gt;{path}&lt;/code&gt;</source>
        <translation>Uten den kan ingen passord åpne dem. Be IT-ansvarlig gjenopprette dataene og nøkkelfilen sammen fra en sikkerhetskopi.&lt;br&gt;&lt;br&gt;Data: &lt;code&gt;{path}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>The first-run guide waits for a choice.</source>
        <translation>Oppstartsveiviseren venter på et valg.</translation>
    </message>
    <message>
        <source>Making demo records</source>
        <translation>Lager demodata</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter…</translation>
    </message>
    <message>
        <source>Officer Desk only opens records that are protected by passwords.</source>
        <translation>Officer Desk åpner bare data som er beskyttet med passord.</translation>
    </message>
    <message>
        <source>A made-up unit with officers, people and two years of their days, for trying Officer Desk. None of it is about real people. This takes a moment, once.</source>
        <translation>En oppdiktet avdeling med betjenter, innsatte og to år av dagene deres, for å prøve Officer Desk. Ingenting handler om virkelige personer. Dette tar litt tid, én gang.</translation>
    </message>
    <message>
        <source>Demo records. The password of every demo account:{password}</source>
        <translation>Demodata. Passordet til alle demokontoene:{password}</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Betjent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Vaktleder</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Demo accounts, all with the password{password}</source>
        <translation>Demokontoer, alle med passordet{password}</translation>
    </message>
    <message>
        <source>Sign in to this unit&apos;s desk.</source>
        <translation>Logg inn på avdelingens skrivebord.</translation>
    </message>
    <message>
        <source>Signing in failed because of a fault in the app.</source>
        <translation>Innloggingen mislyktes på grunn av en feil i programmet.</translation>
    </message>
    <message>
        <source>Unlocking failed because of a fault in the app.</source>
        <translation>Opplåsingen mislyktes på grunn av en feil i programmet.</translation>
    </message>
    <message>
        <source>Switch officer</source>
        <translation>Bytt betjent</translation>
    </message>
    <message>
        <source>Sign in as the officer taking over this desk.</source>
        <translation>Logg inn som betjenten som tar over dette skrivebordet.</translation>
    </message>
    <message>
        <source>Back: unlock as {name}</source>
        <translation>Tilbake: lås opp som {name}</translation>
    </message>
    <message>
        <source>Your password is changed. Use the new one from now on.</source>
        <translation>Passordet ditt er endret. Bruk det nye fra nå av.</translation>
    </message>
    <message>
        <source>Only an admin can manage accounts and settings.</source>
        <translation>Bare en administrator kan administrere kontoer og innstillinger.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Log {meal}</source>
        <translation>Registrer {meal}</translation>
    </message>
    <message>
        <source>Meal saved for everyone. Ctrl+Shift+Z undoes it.</source>
        <translation>Måltidet er lagret for alle. Ctrl+Shift+Z angrer det.</translation>
    </message>
    <message>
        <source>Activity saved.</source>
        <translation>Aktiviteten er lagret.</translation>
    </message>
    <message>
        <source>Conversation saved.</source>
        <translation>Samtalen er lagret.</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Notatet er lagret.</translation>
    </message>
    <message>
        <source>Amendment saved; the earlier text is kept.</source>
        <translation>Rettelsen er lagret; den tidligere teksten beholdes.</translation>
    </message>
    <message>
        <source>Entry voided; it stays in the history.</source>
        <translation>Oppføringen er annullert; den blir stående i historikken.</translation>
    </message>
    <message>
        <source>Correction saved; the earlier entry stays in the history.</source>
        <translation>Rettelsen er lagret; den tidligere oppføringen blir stående i historikken.</translation>
    </message>
    <message>
        <source>There is no meal log of yours in this shift to undo.</source>
        <translation>Du har ingen måltidsregistrering i denne vakten å angre.</translation>
    </message>
    <message>
        <source>Last meal log undone; it stays in the history.</source>
        <translation>Siste måltidsregistrering er angret; den blir stående i historikken.</translation>
    </message>
    <message>
        <source>Follow-up done: {text}</source>
        <translation>Oppfølgingspunkt utført: {text}</translation>
    </message>
    <message>
        <source>Follow-up open again: {text}</source>
        <translation>Oppfølgingen er åpen igjen: {text}</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Join a hub</source>
        <translation>Koble til en server</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>Hub address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>Engangsk&amp;ode:</translation>
    </message>
    <message>
        <source>Facility IT makes a code for this unit on the hub (officer-desk-server enroll-device --unit UNIT). It works once. Everything this workstation already holds is sent to the hub by the first sync.</source>
        <translation>IT-ansvarlig lager en kode for denne avdelingen på serveren (officer-desk-server enroll-device --unit UNIT). Den virker én gang. Alt denne arbeidsstasjonen allerede har, sendes til serveren ved første synkronisering.</translation>
    </message>
    <message>
        <source>&amp;Join the hub</source>
        <translation>&amp;Koble til serveren</translation>
    </message>
    <message>
        <source>Join the hub</source>
        <translation>Koble til serveren</translation>
    </message>
    <message>
        <source>This workstation is joined to the hub at {url}. To join it again (after its access was withdrawn, or to another hub), enter a new code.</source>
        <translation>Denne arbeidsstasjonen er koblet til serveren på {url}. For å koble den til på nytt (etter at tilgangen ble trukket tilbake, eller til en annen server), skriv inn en ny kode.</translation>
    </message>
    <message>
        <source>This workstation is standalone: it is not joined to a hub.</source>
        <translation>Denne arbeidsstasjonen er frittstående: den er ikke koblet til en server.</translation>
    </message>
    <message>
        <source>Only an admin can join this workstation to a hub.</source>
        <translation>Bare en administrator kan koble denne arbeidsstasjonen til en server.</translation>
    </message>
    <message>
        <source>The records are still opening; try again in a moment.</source>
        <translation>Dataene åpnes fortsatt; prøv igjen om et øyeblikk.</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Spør serveren…</translation>
    </message>
    <message>
        <source>Joined the hub at {url} for unit {unit}. The first sync now sends what this workstation holds; the status bar shows how it goes.</source>
        <translation>Koblet til serveren på {url} for avdeling {unit}. Den første synkroniseringen sender nå det denne arbeidsstasjonen har; statuslinjen viser hvordan det går.</translation>
    </message>
    <message>
        <source>Joining failed because of a fault in the app.</source>
        <translation>Tilkoblingen mislyktes på grunn av en feil i programmet.</translation>
    </message>
    <message>
        <source>for example https://hub.facility.local</source>
        <translation>for eksempel https://hub.fengsel.local</translation>
    </message>
    <message>
        <source>Write the one-time code facility IT gave you.</source>
        <translation>Skriv engangskoden du fikk av IT-ansvarlig.</translation>
    </message>
    <message>
        <source>A one-time code has 12 letters and digits, like ABCD-EFGH-JKMN. Check it and write it again.</source>
        <translation>En engangskode har 12 bokstaver og sifre, som ABCD-EFGH-JKMN. Sjekk den og skriv den på nytt.</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached. Check the address, and that this computer is on the facility&apos;s network; then try again.</source>
        <translation>Serveren på {url} kan ikke nås. Sjekk adressen, og at denne datamaskinen er på fengselets nettverk; prøv så igjen.</translation>
    </message>
    <message>
        <source>Write the hub&apos;s address ({example}).</source>
        <translation>Skriv serverens adresse ({example}).</translation>
    </message>
    <message>
        <source>“{url}” is not a hub address. Write the whole address, starting with https:// ({example}).</source>
        <translation>«{url}» er ikke en serveradresse. Skriv hele adressen, som begynner med https:// ({example}).</translation>
    </message>
    <message>
        <source>“{url}” starts with http://: records and this workstation&apos;s key would cross the network unencrypted, so it cannot be used. Write the address with https:// (ask facility IT for the hub&apos;s https address).</source>
        <translation>«{url}» begynner med http://: journalene og denne arbeidsstasjonens nøkkel ville gått ukryptert over nettverket, så adressen kan ikke brukes. Skriv adressen med https:// (be IT-ansvarlig om serverens https-adresse).</translation>
    </message>
    <message>
        <source>The port in “{url}” is not a number.</source>
        <translation>Porten i «{url}» er ikke et tall.</translation>
    </message>
    <message>
        <source>Something answers at {url}, but it is not an Officer Desk hub. Check the address with facility IT.</source>
        <translation>Noe svarer på {url}, men det er ikke en Officer Desk-server. Sjekk adressen med IT-ansvarlig.</translation>
    </message>
</context>
<context>
    <name>EnrolmentsModel</name>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Hours attended, from the programme sessions logged; of {n} expected</source>
        <translation>Timer med oppmøte, fra de registrerte programøktene; av {n} forventet</translation>
    </message>
</context>
<context>
    <name>FindPersonDialog</name>
    <message>
        <source>Find person</source>
        <translation>Finn person</translation>
    </message>
    <message>
        <source>Name, cell or prison number</source>
        <translation>Navn, celle eller innsattnummer</translation>
    </message>
    <message>
        <source>Everyone in the unit.</source>
        <translation>Alle på avdelingen.</translation>
    </message>
    <message>
        <source>Your caseload.</source>
        <translation>Ditt kontaktansvar.</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personer funnet</translation>
    </message>
    <message>
        <source>No one in the unit matches “{words}”.</source>
        <translation>Ingen på avdelingen passer med «{words}».</translation>
    </message>
    <message>
        <source>No one on your caseload matches “{words}”.</source>
        <translation>Ingen i ditt kontaktansvar passer med «{words}».</translation>
    </message>
    <message>
        <source>No one to find yet.</source>
        <translation>Ingen å finne ennå.</translation>
    </message>
    <message>
        <source>Nobody has {name} on their caseload yet, so there is no page to open. Assign a contact officer in Unit → Unit overview.</source>
        <translation>Ingen har {name} i kontaktansvaret sitt ennå, så det er ingen side å åpne. Tildel en kontaktbetjent i Avdeling → Avdelingsoversikt.</translation>
    </message>
</context>
<context>
    <name>FindableModel</name>
    <message>
        <source>nobody assigned</source>
        <translation>ingen tildelt</translation>
    </message>
    <message>
        <source>covered by {name} until {date}</source>
        <translation>dekket av {name} til {date}</translation>
    </message>
    <message>
        <source>{name}&apos;s caseload</source>
        <translation>Kontaktansvaret til {name}</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>{facility}, unit {unit} is set up. Sign in with your new password, then create the officers&apos; accounts under Unit → Accounts.</source>
        <translation>{facility}, avdeling {unit} er satt opp. Logg inn med det nye passordet ditt, og opprett så betjentenes kontoer under Avdeling → Kontoer.</translation>
    </message>
    <message>
        <source>This workstation joined unit {unit} on {url}. Every active officer of the unit can now sign in here with their own password.</source>
        <translation>Denne arbeidsstasjonen er koblet til avdeling {unit} på {url}. Alle aktive betjenter på avdelingen kan nå logge inn her med sitt eget passord.</translation>
    </message>
    <message>
        <source>That failed because of a fault in the app. Nothing was kept.</source>
        <translation>Det mislyktes på grunn av en feil i programmet. Ingenting ble lagret.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>&amp;Try it with demo data</source>
        <translation>&amp;Prøv med demodata</translation>
    </message>
    <message>
        <source>Welcome to Officer Desk</source>
        <translation>Velkommen til Officer Desk</translation>
    </message>
    <message>
        <source>A made-up unit with officers and people, for trying Officer Desk or training. None of it is about real people.</source>
        <translation>En oppdiktet avdeling med betjenter og innsatte, for å prøve Officer Desk eller til opplæring. Ingenting handler om virkelige personer.</translation>
    </message>
    <message>
        <source>&amp;Set up this workstation</source>
        <translation>&amp;Sett opp denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>A facility, a unit and you as its first admin; standalone for now.</source>
        <translation>Et fengsel, en avdeling og du som første administrator; frittstående inntil videre.</translation>
    </message>
    <message>
        <source>&amp;Join a sync hub</source>
        <translation>&amp;Koble til en server</translation>
    </message>
    <message>
        <source>Another workstation of a unit already on the facility&apos;s hub: its address and a one-time code from facility IT.</source>
        <translation>Enda en arbeidsstasjon for en avdeling som allerede er på fengselets server: serveradressen og en engangskode fra IT-ansvarlig.</translation>
    </message>
    <message>
        <source>Set up a standalone workstation.</source>
        <translation>Sett opp en frittstående arbeidsstasjon.</translation>
    </message>
    <message>
        <source>Join a unit on the facility&apos;s sync hub.</source>
        <translation>Koble til en avdeling på fengselets server.</translation>
    </message>
    <message>
        <source>There are no records on this workstation yet. How do you want to start?</source>
        <translation>Det finnes ingen data på denne arbeidsstasjonen ennå. Hvordan vil du begynne?</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <source>Working</source>
        <translation>Arbeider</translation>
    </message>
    <message>
        <source>Back to the choices</source>
        <translation>Tilbake til valgene</translation>
    </message>
</context>
<context>
    <name>HandoverBanner</name>
    <message>
        <source>Read and sign</source>
        <translation>Les og signer</translation>
    </message>
    <message>
        <source>Open the handover waiting for you</source>
        <translation>Åpne overleveringen som venter på deg</translation>
    </message>
    <message>
        <source>A handover waits for you: {people} not acknowledged yet. From {outgoing}, shift {start} – {end}.</source>
        <translation>En overlevering venter på deg: {people} er ikke bekreftet ennå. Fra {outgoing}, vakt {start} – {end}.</translation>
    </message>
    <message>
        <source>{n} handovers wait for you: {people} not acknowledged yet. Oldest: {outgoing}, shift {start} – {end}.</source>
        <translation>{n} overleveringer venter på deg: {people} er ikke bekreftet ennå. Eldste: {outgoing}, vakt {start} – {end}.</translation>
    </message>
</context>
<context>
    <name>HandoverDetail</name>
    <message>
        <source>People in the handover</source>
        <translation>Personer i overleveringen</translation>
    </message>
    <message>
        <source>What you hand over about this person</source>
        <translation>Det du overleverer om denne personen</translation>
    </message>
    <message>
        <source>Status of this person</source>
        <translation>Status for denne personen</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Lagre person</translation>
    </message>
    <message>
        <source>Save what is handed over about this person</source>
        <translation>Lagre det som overleveres om denne personen</translation>
    </message>
    <message>
        <source>A question for the outgoing officer</source>
        <translation>Et spørsmål til betjenten som går av</translation>
    </message>
    <message>
        <source>Read-back question</source>
        <translation>Kontrollspørsmål</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Spør</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>Still spørsmålet</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Svaret ditt</translation>
    </message>
    <message>
        <source>Answer to the question</source>
        <translation>Svar på spørsmålet</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Send the answer</source>
        <translation>Send svaret</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>Acknowledge this person</source>
        <translation>Bekreft denne personen</translation>
    </message>
    <message>
        <source>Next person →</source>
        <translation>Neste person →</translation>
    </message>
    <message>
        <source>Show the next person in the handover</source>
        <translation>Vis neste person i overleveringen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>Hva som må gjøres</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Nytt tiltak</translation>
    </message>
    <message>
        <source>Owner of the new action</source>
        <translation>Ansvarlig for det nye tiltaket</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>The action has a due time</source>
        <translation>Tiltaket har en frist</translation>
    </message>
    <message>
        <source>Due time of the new action</source>
        <translation>Frist for det nye tiltaket</translation>
    </message>
    <message>
        <source>Who the new action is about</source>
        <translation>Hvem det nye tiltaket gjelder</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Legg til tiltak</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Merk som utført</translation>
    </message>
    <message>
        <source>Mark the selected action done</source>
        <translation>Merk det valgte tiltaket som utført</translation>
    </message>
    <message>
        <source>If this, then that</source>
        <translation>Hvis dette, så det</translation>
    </message>
    <message>
        <source>If…</source>
        <translation>Hvis…</translation>
    </message>
    <message>
        <source>If (the situation)</source>
        <translation>Hvis (situasjonen)</translation>
    </message>
    <message>
        <source>…then</source>
        <translation>…så</translation>
    </message>
    <message>
        <source>Then (what to do)</source>
        <translation>Så (hva som skal gjøres)</translation>
    </message>
    <message>
        <source>Who the contingency is about</source>
        <translation>Hvem beredskapen gjelder</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>Add the contingency</source>
        <translation>Legg til beredskapen</translation>
    </message>
    <message>
        <source>Unit items</source>
        <translation>Avdelingspunkter</translation>
    </message>
    <message>
        <source>Kind of unit item</source>
        <translation>Type avdelingspunkt</translation>
    </message>
    <message>
        <source>e.g. 42 present at 21:00</source>
        <translation>f.eks. 42 til stede kl. 21.00</translation>
    </message>
    <message>
        <source>Unit item</source>
        <translation>Avdelingspunkt</translation>
    </message>
    <message>
        <source>Add the unit item</source>
        <translation>Legg til avdelingspunktet</translation>
    </message>
    <message>
        <source>Unit items, actions and contingencies</source>
        <translation>Avdelingspunkter, tiltak og beredskap</translation>
    </message>
    <message>
        <source>Incoming officer</source>
        <translation>Betjent som kommer på vakt</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Overlever</translation>
    </message>
    <message>
        <source>Hand the handover over</source>
        <translation>Lever overleveringen</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Sign the handover</source>
        <translation>Signer overleveringen</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Print the handover or save it as a PDF</source>
        <translation>Skriv ut overleveringen eller lagre den som PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lagre som PDF…</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Rolig</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Følg med</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Telling</translation>
    </message>
    <message>
        <source>Escorts</source>
        <translation>Fremstillinger</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Avtaler</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eiendeler</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Handed over {at}</source>
        <translation>Overlevert {at}</translation>
    </message>
    <message>
        <source>Signed by {who} {at}</source>
        <translation>Signert av {who} {at}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Fjern den valgte linjen</translation>
    </message>
    <message>
        <source>No handover chosen</source>
        <translation>Ingen overlevering valgt</translation>
    </message>
    <message>
        <source>Choose a handover in the list, or start one for your shift.</source>
        <translation>Velg en overlevering i listen, eller start en for vakten din.</translation>
    </message>
    <message>
        <source>{unit}: shift {start} – {end}</source>
        <translation>{unit}: vakt {start} – {end}</translation>
    </message>
    <message>
        <source>From {outgoing} to {incoming} · {state}</source>
        <translation>Fra {outgoing} til {incoming} · {state}</translation>
    </message>
    <message>
        <source>the next shift</source>
        <translation>neste vakt</translation>
    </message>
    <message>
        <source>Anyone on the next shift</source>
        <translation>Alle på neste vakt</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>Avdelingen</translation>
    </message>
    <message>
        <source> · due {at}</source>
        <translation> · frist {at}</translation>
    </message>
    <message>
        <source> · done</source>
        <translation> · utført</translation>
    </message>
    <message>
        <source>{about}If {condition}, then {response}</source>
        <translation>{about}Hvis {condition}, så {response}</translation>
    </message>
    <message>
        <source>Unit ({n})</source>
        <translation>Avdeling ({n})</translation>
    </message>
    <message>
        <source>Actions ({n})</source>
        <translation>Tiltak ({n})</translation>
    </message>
    <message>
        <source>If this, then that ({n})</source>
        <translation>Hvis dette, så det ({n})</translation>
    </message>
    <message>
        <source>Drafted from the logs:
{draft}</source>
        <translation>Utkast fra loggene:
{draft}</translation>
    </message>
    <message>
        <source>Question from {who}: {text}</source>
        <translation>Spørsmål fra {who}: {text}</translation>
    </message>
    <message>
        <source>Answer from {who}: {text}</source>
        <translation>Svar fra {who}: {text}</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>Ikke besvart ennå.</translation>
    </message>
    <message>
        <source>Acknowledged by {who} at {at}</source>
        <translation>Bekreftet av {who} kl. {at}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
    <message>
        <source>{name} acknowledged.</source>
        <translation>{name} er bekreftet.</translation>
    </message>
    <message>
        <source>Choose a line in the list first.</source>
        <translation>Velg en linje i listen først.</translation>
    </message>
    <message>
        <source>Choose an action in the list first.</source>
        <translation>Velg et tiltak i listen først.</translation>
    </message>
    <message>
        <source>Handed over.</source>
        <translation>Overlevert.</translation>
    </message>
    <message>
        <source>Handover signed.</source>
        <translation>Overleveringen er signert.</translation>
    </message>
    <message>
        <source>Handover sent to the printer.</source>
        <translation>Overleveringen er sendt til skriveren.</translation>
    </message>
    <message>
        <source>The handover could not be saved ({error}). Choose another folder.</source>
        <translation>Overleveringen kunne ikke lagres ({error}). Velg en annen mappe.</translation>
    </message>
    <message>
        <source>Handover saved to {path}</source>
        <translation>Overleveringen er lagret i {path}</translation>
    </message>
    <message>
        <source>Save the handover as PDF</source>
        <translation>Lagre overleveringen som PDF</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Shift handover</source>
        <translation>Vaktoverlevering</translation>
    </message>
    <message>
        <source>Per person: what happened, a status, actions and “if this, then that”. The incoming officer or a supervisor acknowledges each person and signs.</source>
        <translation>Per person: hva som har skjedd, en status, tiltak og «hvis dette, så det». Betjenten som kommer på vakt, eller en vaktleder bekrefter hver person og signerer.</translation>
    </message>
    <message>
        <source>Shift start</source>
        <translation>Vaktstart</translation>
    </message>
    <message>
        <source>Shift end</source>
        <translation>Vaktslutt</translation>
    </message>
    <message>
        <source>Start handover</source>
        <translation>Start overlevering</translation>
    </message>
    <message>
        <source>Draft a handover for this shift</source>
        <translation>Lag et utkast til overlevering for denne vakten</translation>
    </message>
    <message>
        <source>Drafts a summary per person from what was logged in the shift</source>
        <translation>Lager et sammendrag per person fra det som ble registrert i vakten</translation>
    </message>
    <message>
        <source>My shift from</source>
        <translation>Min vakt fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Search text, a name or a prison number</source>
        <translation>Søk etter tekst, et navn eller et innsattnummer</translation>
    </message>
    <message>
        <source>Search handovers</source>
        <translation>Søk i overleveringer</translation>
    </message>
    <message>
        <source>Officer in the handover</source>
        <translation>Betjent i overleveringen</translation>
    </message>
    <message>
        <source>Any officer</source>
        <translation>Alle betjenter</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Bare åpne</translation>
    </message>
    <message>
        <source>Only handovers not signed yet</source>
        <translation>Bare overleveringer som ikke er signert ennå</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Overleveringer</translation>
    </message>
    <message>
        <source>No handovers found.</source>
        <translation>Ingen overleveringer funnet.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <source>waiting to be signed</source>
        <translation>venter på signering</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signert</translation>
    </message>
    <message>
        <source> · {n} to acknowledge</source>
        <translation> · {n} å bekrefte</translation>
    </message>
    <message>
        <source>{start} – {end}
{outgoing} → {incoming} · {state}{waiting}</source>
        <translation>{start} – {end}
{outgoing} → {incoming} · {state}{waiting}</translation>
    </message>
    <message>
        <source>next shift</source>
        <translation>neste vakt</translation>
    </message>
    <message>
        <source>The shift must end after it starts.</source>
        <translation>Vakten må slutte etter at den starter.</translation>
    </message>
    <message>
        <source>Handover drafted: check each person, then hand over.</source>
        <translation>Utkast til overlevering er laget: sjekk hver person, og overlever deretter.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Officer Desk help</source>
        <translation>Hjelp for Officer Desk</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Hjelpeemner</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Hjelpeside</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>A person&apos;s card</source>
        <translation>Personkortet</translation>
    </message>
    <message>
        <source>Release readiness</source>
        <translation>Klar for løslatelse</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Vaktoverlevering</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Synkronisering med serveren</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Hva den gjør</translation>
    </message>
    <message>
        <source>Everything on the desk can be done from the keyboard: Tab and Shift+Tab move between controls, Alt with the underlined letter opens a menu or presses a button. The desk&apos;s own keys work while the caseload is shown.</source>
        <translation>Alt på skrivebordet kan gjøres fra tastaturet: Tab og Shift+Tab flytter mellom kontrollene, og Alt med den understrekede bokstaven åpner en meny eller trykker på en knapp. Skrivebordets egne taster virker mens kontaktansvaret vises.</translation>
    </message>
    <message>
        <source>⚑ Declined meals in a row (refusal streak)</source>
        <translation>⚑ Nektede måltider på rad</translation>
    </message>
    <message>
        <source>The person has declined this many meals one after the other (3 by default; an admin sets the number). Talk with them and tell the health staff. It ends with the next meal they eat.</source>
        <translation>Personen har nektet så mange måltider etter hverandre (3 som standard; en administrator bestemmer antallet). Snakk med vedkommende og si fra til helsetjenesten. Flagget forsvinner med neste måltid vedkommende spiser.</translation>
    </message>
    <message>
        <source>No one-to-one for some days (needs a talk)</source>
        <translation>Ingen kontaktsamtale på flere dager (trenger en samtale)</translation>
    </message>
    <message>
        <source>No one-to-one conversation has been recorded for longer than the contact nudge (3 days by default). Record one with Conversation.</source>
        <translation>Det er ikke registrert noen kontaktsamtale på lenger enn påminnelsesgrensen (3 dager som standard). Registrer en med Kontaktsamtale.</translation>
    </message>
    <message>
        <source>Follow-up overdue</source>
        <translation>Oppfølgingspunkt over fristen</translation>
    </message>
    <message>
        <source>A follow-up agreed in a conversation is past its due date and not marked done. Tick it when it is done.</source>
        <translation>Et oppfølgingspunkt som ble avtalt i en samtale, har passert fristen og er ikke merket som utført. Kryss det av når det er utført.</translation>
    </message>
    <message>
        <source>⚑ Release: housing or school/work not in place</source>
        <translation>⚑ Løslatelse: bolig eller skole/arbeid er ikke på plass</translation>
    </message>
    <message>
        <source>Release is near and the release gate is not met. See Release readiness.</source>
        <translation>Løslatelsen nærmer seg, og minstekravet for løslatelse er ikke oppfylt. Se Klar for løslatelse.</translation>
    </message>
    <message>
        <source>Release in … days</source>
        <translation>Løslatelse om … dager</translation>
    </message>
    <message>
        <source>Days to the expected release date.</source>
        <translation>Dager til forventet løslatelsesdato.</translation>
    </message>
    <message>
        <source>The flags are worked out from what has been logged, every time the card is shown; nobody sets or clears them by hand.</source>
        <translation>Flaggene regnes ut fra det som er registrert, hver gang kortet vises; ingen setter eller fjerner dem for hånd.</translation>
    </message>
    <message>
        <source>Amber item</source>
        <translation>Gult punkt</translation>
    </message>
    <message>
        <source>A checklist item that is due within 14 days and not done.</source>
        <translation>Et punkt på sjekklisten som har frist innen 14 dager og ikke er utført.</translation>
    </message>
    <message>
        <source>Red item</source>
        <translation>Rødt punkt</translation>
    </message>
    <message>
        <source>A checklist item past its due date, not done.</source>
        <translation>Et punkt på sjekklisten som er over fristen og ikke utført.</translation>
    </message>
    <message>
        <source>The gate</source>
        <translation>Minstekravet</translation>
    </message>
    <message>
        <source>Nobody leaves without a place to live and a school place or a job: the gate is met only when the housing item and the education-or-work item are both done (declined or not needed does not count). While it is not met, an alert shows eight weeks and seven days before release, and sign-off is refused unless a supervisor overrides it with a written reason.</source>
        <translation>Ingen løslates uten et sted å bo og en skoleplass eller en jobb: minstekravet er oppfylt først når både boligpunktet og punktet for skole eller arbeid er utført (avslått eller ikke nødvendig teller ikke). Så lenge det ikke er oppfylt, vises et varsel åtte uker og sju dager før løslatelsen, og godkjenning nektes med mindre en vaktleder overstyrer med en skriftlig begrunnelse.</translation>
    </message>
    <message>
        <source>Disputed item</source>
        <translation>Omstridt punkt</translation>
    </message>
    <message>
        <source>Two officers set opposite values for the same item on different workstations. It counts as not done and blocks sign-off until a supervisor decides (Unit → Conflicts).</source>
        <translation>To betjenter har satt motstridende verdier for samme punkt på forskjellige arbeidsstasjoner. Det teller som ikke utført og sperrer godkjenningen til en vaktleder har avgjort det (Avdeling → Synkroniseringskonflikter).</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Rolig</translation>
    </message>
    <message>
        <source>Nothing the next shift needs to act on for this person.</source>
        <translation>Ingenting neste vakt må gjøre noe med for denne personen.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Følg med</translation>
    </message>
    <message>
        <source>Something to keep an eye on during the next shift.</source>
        <translation>Noe å holde øye med på neste vakt.</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source>Something the next shift must act on; concerns are listed first.</source>
        <translation>Noe neste vakt må følge opp; bekymringer står først i listen.</translation>
    </message>
    <message>
        <source>Read-back</source>
        <translation>Bekreftelse</translation>
    </message>
    <message>
        <source>The incoming officer acknowledges each person, or asks one question that the outgoing officer answers first. A handover is signed once everyone is acknowledged.</source>
        <translation>Betjenten som kommer på vakt, bekrefter hver person eller stiller ett kontrollspørsmål som betjenten som går av, svarer på først. En overlevering signeres når alle er bekreftet.</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>Frittstående</translation>
    </message>
    <message>
        <source>This workstation is not joined to a hub; everything stays here.</source>
        <translation>Denne arbeidsstasjonen er ikke koblet til en server; alt blir værende her.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synkroniserer</translation>
    </message>
    <message>
        <source>Changes are being sent and received now.</source>
        <translation>Endringer sendes og hentes nå.</translation>
    </message>
    <message>
        <source>Synced at HH:MM</source>
        <translation>Synkronisert kl. TT:MM</translation>
    </message>
    <message>
        <source>Everything was sent and received at that time.</source>
        <translation>Alt ble sendt og hentet på det tidspunktet.</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Endringer venter</translation>
    </message>
    <message>
        <source>Changes made here are kept and will be sent at the next sync.</source>
        <translation>Endringer som gjøres her, beholdes og sendes ved neste synkronisering.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frakoblet</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Work goes on as usual; nothing is lost, and sync tries again by itself.</source>
        <translation>Serveren kan ikke nås. Arbeidet fortsetter som vanlig; ingenting går tapt, og synkroniseringen prøver igjen av seg selv.</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Synkroniseringen stoppet</translation>
    </message>
    <message>
        <source>Someone has to act: the indicator says what (the clock is wrong, update the app, access withdrawn). Click it for details.</source>
        <translation>Noen må gjøre noe: indikatoren sier hva (klokken går feil, oppdater programmet, tilgangen er trukket tilbake). Klikk på den for detaljer.</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Avviste endringer</translation>
    </message>
    <message>
        <source>The hub did not accept some changes; the sync panel lists them with the hub&apos;s reason. Everything else still syncs.</source>
        <translation>Serveren godtok ikke noen av endringene; synkroniseringspanelet viser dem med serverens begrunnelse. Alt annet synkroniseres som før.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Caseload of</source>
        <translation>Kontaktansvar for</translation>
    </message>
    <message>
        <source>View and log for any caseload on the unit</source>
        <translation>Se og registrer for alle kontaktansvar på avdelingen</translation>
    </message>
    <message>
        <source>&amp;Arrange cards…</source>
        <translation>&amp;Ordne kortene …</translation>
    </message>
    <message>
        <source>Cards are ordered by need; put them in an order of your own</source>
        <translation>Kortene står etter behov; sett dem i din egen rekkefølge</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>Registrer aktivitet</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>Strength or progress</source>
        <translation>Mestring eller fremgang</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Undo last meal log</source>
        <translation>Angre siste måltidsregistrering</translation>
    </message>
    <message>
        <source>{name}&apos;s caseload</source>
        <translation>Kontaktansvaret til {name}</translation>
    </message>
    <message>
        <source>{name} ({people})</source>
        <translation>{name} ({people})</translation>
    </message>
    <message>
        <source>in your order</source>
        <translation>i din rekkefølge</translation>
    </message>
    <message>
        <source>by need</source>
        <translation>etter behov</translation>
    </message>
    <message>
        <source>{day} · {people} · {order}</source>
        <translation>{day} · {people} · {order}</translation>
    </message>
    <message>
        <source>No one is assigned to {name} today.</source>
        <translation>Ingen er tildelt {name} i dag.</translation>
    </message>
</context>
<context>
    <name>JoinPanel</name>
    <message>
        <source>Another workstation of a unit that already syncs with the facility&apos;s hub. The unit&apos;s officers arrive from the hub and sign in here with their own passwords, also when the hub cannot be reached.</source>
        <translation>Enda en arbeidsstasjon for en avdeling som allerede synkroniserer med fengselets server. Avdelingens betjenter hentes fra serveren og logger inn her med sine egne passord, også når serveren ikke kan nås.</translation>
    </message>
    <message>
        <source>&amp;Join the hub</source>
        <translation>&amp;Koble til serveren</translation>
    </message>
    <message>
        <source>Join the hub</source>
        <translation>Koble til serveren</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>Navn på arbeidsstasjonen</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>Engangsk&amp;ode:</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>&amp;Navn på arbeidsstasjonen:</translation>
    </message>
    <message>
        <source>Facility IT makes the code for this unit on the hub (officer-desk-server enroll-device --unit UNIT). It works once.</source>
        <translation>IT-ansvarlig lager koden for denne avdelingen på serveren (officer-desk-server enroll-device --unit UNIT). Den virker én gang.</translation>
    </message>
    <message>
        <source>Give this workstation a name the hub can list it by.</source>
        <translation>Gi arbeidsstasjonen et navn som serveren kan vise den under.</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Journal for {name}</source>
        <translation>Journal for {name}</translation>
    </message>
    <message>
        <source>{name} has the right to read what is recorded about them. The journal holds their details, meals, activities, conversations and notes, in plain words. Notes marked sensitive are left out, and it says how to ask about them. Making it is recorded in the audit log.</source>
        <translation>{name} har rett til å lese det som er registrert om seg selv. Journalen har opplysningene, måltidene, aktivitetene, samtalene og notatene, med enkle ord. Notater merket som sensitive er holdt utenfor, og den forteller hvordan man kan spørre om dem. At den lages, føres i revisjonsloggen.</translation>
    </message>
    <message>
        <source>In Norwegian (bokmål)</source>
        <translation>På norsk (bokmål)</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>På engelsk</translation>
    </message>
    <message>
        <source>No language is recorded for {name}.</source>
        <translation>Ingen språk er registrert for {name}.</translation>
    </message>
    <message>
        <source>{name} speaks {languages}. The journal is written in Norwegian or English only: an interpreter can read it with them.</source>
        <translation>{name} snakker {languages}. Journalen skrives bare på norsk eller engelsk: en tolk kan lese den sammen med vedkommende.</translation>
    </message>
    <message>
        <source>{name} speaks {languages}.</source>
        <translation>{name} snakker {languages}.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lagre som PDF…</translation>
    </message>
    <message>
        <source>Gathering the journal…</source>
        <translation>Samler journalen…</translation>
    </message>
    <message>
        <source>The journal could not be saved ({error}). Choose another folder.</source>
        <translation>Journalen kunne ikke lagres ({error}). Velg en annen mappe.</translation>
    </message>
    <message>
        <source>Journal sent to the printer.</source>
        <translation>Journalen er sendt til skriveren.</translation>
    </message>
    <message>
        <source>Journal saved to {path}</source>
        <translation>Journalen er lagret i {path}</translation>
    </message>
    <message>
        <source>Save the journal as PDF</source>
        <translation>Lagre journalen som PDF</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The language of Officer Desk on this workstation, for everyone who signs in here. Dates and numbers follow it.</source>
        <translation>Språket i Officer Desk på denne arbeidsstasjonen, for alle som logger inn her. Datoer og tall følger det.</translation>
    </message>
    <message>
        <source>Saved. Officer Desk speaks {language} from the next time it starts. Restart now, or later: save what you are typing elsewhere first, and sign in again after the restart.</source>
        <translation>Lagret. Officer Desk bruker {language} fra neste gang det starter. Start på nytt nå eller senere: lagre først det du skriver andre steder, og logg inn igjen etter omstarten.</translation>
    </message>
    <message>
        <source>Restart Officer Desk now</source>
        <translation>Start Officer Desk på nytt nå</translation>
    </message>
    <message>
        <source>Officer Desk could not restart itself; close it and open it again.</source>
        <translation>Officer Desk kunne ikke starte seg selv på nytt; lukk det og åpne det igjen.</translation>
    </message>
    <message>
        <source>As the computer is set up (now: {language})</source>
        <translation>Slik datamaskinen er satt opp (nå: {language})</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Start på nytt nå</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>Officer Desk — locked</source>
        <translation>Officer Desk — låst</translation>
    </message>
    <message>
        <source>Another officer? Sign in here</source>
        <translation>En annen betjent? Logg inn her</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passord</translation>
    </message>
    <message>
        <source>The desk is locked.</source>
        <translation>Skrivebordet er låst.</translation>
    </message>
    <message>
        <source>{name} is signed in. Type your password to go on.</source>
        <translation>{name} er logget inn. Skriv passordet ditt for å fortsette.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Skriv passordet ditt.</translation>
    </message>
</context>
<context>
    <name>LogViewDialog</name>
    <message>
        <source>Program log</source>
        <translation>Programlogg</translation>
    </message>
    <message>
        <source>The last lines Officer Desk wrote to its log, newest at the bottom: what it did and the problems it met. Facility IT may ask you to copy them.</source>
        <translation>De siste linjene Officer Desk skrev i loggen sin, de nyeste nederst: hva programmet gjorde og hvilke problemer det møtte. IT-ansvarlig kan be deg kopiere dem.</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Leser loggen…</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Loggfil: {path}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Åpne loggmappen</translation>
    </message>
    <message>
        <source>The log is empty: nothing has been written yet.</source>
        <translation>Loggen er tom: ingenting er skrevet ennå.</translation>
    </message>
</context>
<context>
    <name>LookDialog</name>
    <message>
        <source>Look</source>
        <translation>Utseende</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Lyst</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Mørkt</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Høy kontrast</translation>
    </message>
    <message>
        <source>The colours of Officer Desk on this workstation, for everyone who signs in here.</source>
        <translation>Fargene i Officer Desk på denne arbeidsstasjonen, for alle som logger inn her.</translation>
    </message>
    <message>
        <source>As the computer is set up (now: {look})</source>
        <translation>Slik datamaskinen er satt opp (nå: {look})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>&amp;Bytt bruker…</translation>
    </message>
    <message>
        <source>Let a colleague sign in at this workstation</source>
        <translation>La en kollega logge på denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>Hide everything until you sign in again (when you step away)</source>
        <translation>Skjul alt til du logger på igjen (når du går fra)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Endre &amp;passord…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>Lan&amp;guage…</source>
        <translation>&amp;Språk…</translation>
    </message>
    <message>
        <source>Loo&amp;k…</source>
        <translation>&amp;Utseende…</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Registrer</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Avdeling</translation>
    </message>
    <message>
        <source>Close Officer Desk on this workstation</source>
        <translation>Lukk Officer Desk på denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Kontoer…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>&amp;Programme progress</source>
        <translation>&amp;Programfremdrift</translation>
    </message>
    <message>
        <source>Hours, attendance and milestones of the caseload</source>
        <translation>Timer, oppmøte og delmål i kontaktansvaret</translation>
    </message>
    <message>
        <source>Programme &amp;catalogue…</source>
        <translation>Program&amp;katalog…</translation>
    </message>
    <message>
        <source>Shift &amp;handover</source>
        <translation>Vakt&amp;overlevering</translation>
    </message>
    <message>
        <source>Hand over your shift, or read and sign one</source>
        <translation>Overlever vakten din, eller les og signer en</translation>
    </message>
    <message>
        <source>Program &amp;log…</source>
        <translation>Program&amp;logg…</translation>
    </message>
    <message>
        <source>The last lines of Officer Desk&apos;s own log</source>
        <translation>De siste linjene i Officer Desks egen logg</translation>
    </message>
    <message>
        <source>&amp;About Officer Desk</source>
        <translation>&amp;Om Officer Desk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;Help…</source>
        <translation>&amp;Hjelp…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts and what the flags mean</source>
        <translation>Hurtigtaster og hva flaggene betyr</translation>
    </message>
    <message>
        <source>Follow-up done: {text}</source>
        <translation>Oppfølging utført: {text}</translation>
    </message>
    <message>
        <source>Records: {path}</source>
        <translation>Data: {path}</translation>
    </message>
</context>
<context>
    <name>MealDialog</name>
    <message>
        <source>Why declined?</source>
        <translation>Hvorfor nektet?</translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation>Grunn til å nekte</translation>
    </message>
    <message>
        <source>Ate together</source>
        <translation>Spiste sammen</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Korriger</translation>
    </message>
    <message>
        <source>Correct {name}&apos;s logged meal</source>
        <translation>Korriger måltidet som er registrert for {name}</translation>
    </message>
    <message>
        <source>Already logged: {outcome}, {time}</source>
        <translation>Allerede registrert: {outcome}, {time}</translation>
    </message>
    <message>
        <source> by {name}</source>
        <translation> av {name}</translation>
    </message>
    <message>
        <source>Log a meal</source>
        <translation>Registrer et måltid</translation>
    </message>
    <message>
        <source>Everyone ate together with me</source>
        <translation>Alle spiste sammen med meg</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>Måltid</translation>
    </message>
    <message>
        <source>Lines already logged stay as they are unless you choose Correct; the others are marked “ate”. Enter saves.</source>
        <translation>Linjer som allerede er registrert, blir stående hvis du ikke velger Korriger; de andre er merket «spiste». Enter lagrer.</translation>
    </message>
    <message>
        <source>Everyone is marked “ate”; change only those who did not. Enter saves.</source>
        <translation>Alle er merket «spiste»; endre bare dem som ikke gjorde det. Enter lagrer.</translation>
    </message>
    <message>
        <source>Save {meal}: {new} new, {corrected} corrected</source>
        <translation>Lagre {meal}: {new} nye, {corrected} korrigert</translation>
    </message>
    <message>
        <source>Save {meal} for {people}</source>
        <translation>Lagre {meal} for {people}</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Ingenting å lagre</translation>
    </message>
    <message>
        <source>No one is on the caseload to log a meal for.</source>
        <translation>Ingen i kontaktansvaret å registrere måltid for.</translation>
    </message>
    <message>
        <source>{meal} is already logged for everyone. Choose Correct on a line to change what was logged.</source>
        <translation>{meal} er allerede registrert for alle. Velg Korriger på en linje for å endre det som ble registrert.</translation>
    </message>
    <message>
        <source>Say why {name} declined.</source>
        <translation>Skriv hvorfor {name} nektet.</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Ny konto</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Opprett konto</translation>
    </message>
    <message>
        <source>The person signs in with this first password and can change it under File → Change password.</source>
        <translation>Personen logger inn med dette første passordet og kan endre det under Fil → Endre passord.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Brukernavn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>First &amp;password</source>
        <translation>Første &amp;passord</translation>
    </message>
    <message>
        <source>Repeat pass&amp;word</source>
        <translation>Gjenta pass&amp;ordet</translation>
    </message>
    <message>
        <source>Type the person&apos;s name and a user name.</source>
        <translation>Skriv personens navn og et brukernavn.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De to passordene er ikke like. Skriv dem på nytt.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Sensitive (health, family or security details)</source>
        <translation>Sensitivt (helse, familie eller sikkerhet)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amended text</source>
        <translation>Rettet tekst</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Amend a note</source>
        <translation>Rett et notat</translation>
    </message>
    <message>
        <source>Save amendment</source>
        <translation>Lagre rettelse</translation>
    </message>
    <message>
        <source>Strength or progress</source>
        <translation>Mestring eller fremgang</translation>
    </message>
    <message>
        <source>What went well: effort, progress, a good choice, help to others…</source>
        <translation>Hva som gikk bra: innsats, fremgang, et godt valg, hjelp til andre…</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Journalnotat</translation>
    </message>
    <message>
        <source>What happened, and what you did</source>
        <translation>Hva som skjedde, og hva du gjorde</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revision {n}&lt;/b&gt; — {author}, {when}&lt;br&gt;{text}</source>
        <translation>&lt;b&gt;Versjon {n}&lt;/b&gt; — {author}, {when}&lt;br&gt;{text}</translation>
    </message>
    <message>
        <source>Choose the person the note is about.</source>
        <translation>Velg personen notatet gjelder.</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Skriv notatet først.</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening records…</source>
        <translation>Åpner data…</translation>
    </message>
</context>
<context>
    <name>PasswordCardPage</name>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerer…</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Talk</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>+ Strength</source>
        <translation>+ Mestring</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Record a one-to-one conversation</source>
        <translation>Registrer en kontaktsamtale</translation>
    </message>
    <message>
        <source>Record something that went well</source>
        <translation>Registrer noe som gikk bra</translation>
    </message>
    <message>
        <source>Write a case note</source>
        <translation>Skriv et journalnotat</translation>
    </message>
    <message>
        <source>Cell {cell}</source>
        <translation>Celle {cell}</translation>
    </message>
    <message>
        <source>No cell</source>
        <translation>Ingen celle</translation>
    </message>
    <message>
        <source>Diet: {diet}</source>
        <translation>Kost: {diet}</translation>
    </message>
    <message>
        <source>Allergies: {a}</source>
        <translation>Allergier: {a}</translation>
    </message>
    <message>
        <source>No expected release date is registered.</source>
        <translation>Ingen forventet løslatelsesdato er registrert.</translation>
    </message>
    <message>
        <source>Release in
{days}</source>
        <translation>Løslatelse om
{days}</translation>
    </message>
    <message>
        <source>Release
today</source>
        <translation>Løslatelse
i dag</translation>
    </message>
    <message>
        <source>Release date
passed</source>
        <translation>Løslatelses-
dato passert</translation>
    </message>
    <message>
        <source>Expected release {date}</source>
        <translation>Forventet løslatelse {date}</translation>
    </message>
    <message>
        <source>⚑ Declined {n} meals in a row — talk with them, tell health staff</source>
        <translation>⚑ Har nektet {n} måltider på rad — snakk med vedkommende, si fra til helsetjenesten</translation>
    </message>
    <message>
        <source>⚑ Release in {days}: housing or school/work not in place</source>
        <translation>⚑ Løslatelse om {days}: bolig eller skole/arbeid er ikke på plass</translation>
    </message>
    <message>
        <source>No one-to-one yet — time for one</source>
        <translation>Ingen kontaktsamtale ennå — tid for en</translation>
    </message>
    <message>
        <source>No one-to-one for {days} — time for one</source>
        <translation>Ingen kontaktsamtale på {days} — tid for en</translation>
    </message>
    <message>
        <source>Breakf.</source>
        <translation>Frokost</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Middag</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Kveld</translation>
    </message>
    <message>
        <source>not logged yet</source>
        <translation>ikke registrert ennå</translation>
    </message>
    <message>
        <source>No activities logged today</source>
        <translation>Ingen aktiviteter registrert i dag</translation>
    </message>
    <message>
        <source>Today: {list}</source>
        <translation>I dag: {list}</translation>
    </message>
    <message>
        <source>No one-to-one conversation yet</source>
        <translation>Ingen kontaktsamtale ennå</translation>
    </message>
    <message>
        <source>Talked one-to-one today</source>
        <translation>Kontaktsamtale i dag</translation>
    </message>
    <message>
        <source>Last one-to-one {days} ago</source>
        <translation>Siste kontaktsamtale for {days} siden</translation>
    </message>
    <message>
        <source>☐ {text} — overdue, was due {due}</source>
        <translation>☐ {text} — over fristen, frist var {due}</translation>
    </message>
    <message>
        <source>☐ {text} — due {due}</source>
        <translation>☐ {text} — frist {due}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Mark this follow-up as done</source>
        <translation>Merk dette oppfølgingspunktet som utført</translation>
    </message>
    <message>
        <source>+ {n} more follow-ups on their page</source>
        <translation>+ {n} oppfølgingspunkter til på personsiden</translation>
    </message>
    <message>
        <source>Refusing meals</source>
        <translation>Nekter måltider</translation>
    </message>
    <message>
        <source>Release close, not ready</source>
        <translation>Løslates snart, ikke klar</translation>
    </message>
    <message>
        <source>Needs a talk</source>
        <translation>Trenger en samtale</translation>
    </message>
    <message>
        <source>Concern noted</source>
        <translation>Bekymring notert</translation>
    </message>
    <message>
        <source>Practical alert</source>
        <translation>Praktisk varsel</translation>
    </message>
    <message>
        <source>⚠ High: {alert}</source>
        <translation>⚠ Høy: {alert}</translation>
    </message>
    <message>
        <source>Safety alert</source>
        <translation>Sikkerhetsvarsel</translation>
    </message>
    <message>
        <source>Follow-up overdue</source>
        <translation>Oppfølging forfalt</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Varsel</translation>
    </message>
    <message>
        <source>{n} practical alerts</source>
        <translation>{n} praktiske varsler</translation>
    </message>
    <message>
        <source>{n} safety alerts</source>
        <translation>{n} sikkerhetsvarsler</translation>
    </message>
    <message>
        <source>{n} follow-ups overdue</source>
        <translation>{n} oppfølginger forfalt</translation>
    </message>
    <message>
        <source>{n} alerts</source>
        <translation>{n} varsler</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>← Caseload</source>
        <translation>← Kontaktansvar</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Mestring</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Journal…</source>
        <translation>Journal…</translation>
    </message>
    <message>
        <source>Print the person&apos;s own journal, or save it as a PDF</source>
        <translation>Skriv ut personens egen journal, eller lagre den som PDF</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Åpne oppfølgingspunkter</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>Ingen åpne.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Måltider</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Search the timeline</source>
        <translation>Søk i tidslinjen</translation>
    </message>
    <message>
        <source>Entries found</source>
        <translation>Oppføringer funnet</translation>
    </message>
    <message>
        <source>Amend note…</source>
        <translation>Rett notat…</translation>
    </message>
    <message>
        <source>Add a revision; the earlier text stays in history</source>
        <translation>Legg til en ny versjon; den tidligere teksten blir stående i historikken</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Rett…</translation>
    </message>
    <message>
        <source>Correct this entry; the entry as first written stays in history</source>
        <translation>Rett denne oppføringen; slik den først ble skrevet, blir den stående i historikken</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Annuller…</translation>
    </message>
    <message>
        <source>Take this entry out of the timeline, with a reason</source>
        <translation>Ta oppføringen ut av tidslinjen, med en begrunnelse</translation>
    </message>
    <message>
        <source>Choose an entry to read it in full.</source>
        <translation>Velg en oppføring for å lese hele.</translation>
    </message>
    <message>
        <source>Nothing recorded for these filters.</source>
        <translation>Ingenting registrert for disse filtrene.</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Løslatelsesplan</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>⚑ Declined {n} meals in a row. Talk with them, and tell health staff.</source>
        <translation>⚑ Har nektet {n} måltider på rad. Snakk med vedkommende, og si fra til helsetjenesten.</translation>
    </message>
    <message>
        <source>No one-to-one conversation for {days}: time for one.</source>
        <translation>Ingen kontaktsamtale på {days}: tid for en.</translation>
    </message>
    <message>
        <source>No one-to-one conversation yet: time for one.</source>
        <translation>Ingen kontaktsamtale ennå: tid for en.</translation>
    </message>
    <message>
        <source>Diet: {diet}</source>
        <translation>Kost: {diet}</translation>
    </message>
    <message>
        <source>Allergies: {a}</source>
        <translation>Allergier: {a}</translation>
    </message>
    <message>
        <source>Prison no. {n}</source>
        <translation>Innsattnr. {n}</translation>
    </message>
    <message>
        <source>Cell {cell}</source>
        <translation>Celle {cell}</translation>
    </message>
    <message>
        <source>Release {date} (in {days})</source>
        <translation>Løslatelse {date} (om {days})</translation>
    </message>
    <message>
        <source>Release date {date} has passed</source>
        <translation>Løslatelsesdatoen {date} er passert</translation>
    </message>
    <message>
        <source>{text} — overdue, was due {due}</source>
        <translation>{text} — over fristen, frist var {due}</translation>
    </message>
    <message>
        <source>{text} — due {due}</source>
        <translation>{text} — frist {due}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Mark this follow-up as done</source>
        <translation>Merk dette oppfølgingspunktet som utført</translation>
    </message>
    <message>
        <source>No entries match “{words}”. Try fewer words or the start of a word.</source>
        <translation>Ingen oppføringer passer med «{words}». Prøv færre ord eller begynnelsen av et ord.</translation>
    </message>
    <message>
        <source>Amended: {n} revisions (Amend note… shows them all)</source>
        <translation>Rettet: {n} versjoner («Rett notat…» viser alle)</translation>
    </message>
</context>
<context>
    <name>PlanItemsModel</name>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Due within 14 days</source>
        <translation>Frist innen 14 dager</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over fristen</translation>
    </message>
    <message>
        <source>Part of the release gate: done before sign-off</source>
        <translation>Del av minstekravet for løslatelse: må være utført før godkjenning</translation>
    </message>
    <message>
        <source>{name} ({done} of {total})</source>
        <translation>{name} ({done} av {total})</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>Skriv ut {title}</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>e.g. norsk, English, polski</source>
        <translation>f.eks. norsk, engelsk, polsk</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Lagre profil</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Velg bilde…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Fjern bilde</translation>
    </message>
    <message>
        <source>Goes by</source>
        <translation>Kalles</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Kosthold</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergier</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Celle</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Varsler</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Bilde</translation>
    </message>
    <message>
        <source>High: safety</source>
        <translation>Høy: sikkerhet</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middels</translation>
    </message>
    <message>
        <source>Low: practical</source>
        <translation>Lav: praktisk</translation>
    </message>
    <message>
        <source>Severity of the alert {alert}</source>
        <translation>Alvorlighetsgrad for varselet {alert}</translation>
    </message>
    <message>
        <source>None registered</source>
        <translation>Ingen registrert</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Ingenting er endret.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profilen er lagret.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Velg et bilde</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Photo saved.</source>
        <translation>Bildet er lagret.</translation>
    </message>
    <message>
        <source>Photo removed.</source>
        <translation>Bildet er fjernet.</translation>
    </message>
</context>
<context>
    <name>ProgrammesPanel</name>
    <message>
        <source>Programmes</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Programme to enrol in</source>
        <translation>Program å melde på</translation>
    </message>
    <message>
        <source>Starts now</source>
        <translation>Starter nå</translation>
    </message>
    <message>
        <source>Unticked: the person goes on the waiting list first</source>
        <translation>Uten hake: personen settes først på venteliste</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Meld på</translation>
    </message>
    <message>
        <source>Enrol in</source>
        <translation>Meld på i</translation>
    </message>
    <message>
        <source>Not enrolled in any programme yet.</source>
        <translation>Ikke påmeldt noe program ennå.</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Reason (needed to suspend or end)</source>
        <translation>Begrunnelse (må fylles ut for å stanse eller avslutte)</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Endre status</translation>
    </message>
    <message>
        <source>Change to</source>
        <translation>Endre til</translation>
    </message>
    <message>
        <source>This enrolment has ended; its status cannot change.</source>
        <translation>Denne deltakelsen er avsluttet; statusen kan ikke endres.</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Sign off milestone</source>
        <translation>Godkjenn delmål</translation>
    </message>
    <message>
        <source>Signed with your name and the time</source>
        <translation>Signert med ditt navn og tidspunktet</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Kursbevis</translation>
    </message>
    <message>
        <source>Record certificate…</source>
        <translation>Registrer kursbevis…</translation>
    </message>
    <message>
        <source>1 programme session ({hours} hours)</source>
        <translation>1 programøkt ({hours} timer)</translation>
    </message>
    <message>
        <source>{n} programme sessions ({hours} hours)</source>
        <translation>{n} programøkter ({hours} timer)</translation>
    </message>
    <message>
        <source>{amount} were logged without naming the programme and count toward none.</source>
        <translation>{amount} ble registrert uten å oppgi programmet og teller ikke med noe sted.</translation>
    </message>
    <message>
        <source>Not enrolled in a programme, but {amount} were logged without naming one. Enrol the person; sessions logged for the programme then count.</source>
        <translation>Ikke påmeldt noe program, men {amount} ble registrert uten å oppgi hvilket. Meld personen på; økter som registreres på programmet, teller da med.</translation>
    </message>
    <message>
        <source>{programme}: {status}</source>
        <translation>{programme}: {status}</translation>
    </message>
    <message>
        <source>Enrolled {date}</source>
        <translation>Påmeldt {date}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Begrunnelse: {reason}</translation>
    </message>
    <message>
        <source>✓ {n}. {title} — signed off {when}</source>
        <translation>✓ {n}. {title} — godkjent {when}</translation>
    </message>
    <message>
        <source>● {n}. {title} — {hours} h done: ready to sign off</source>
        <translation>● {n}. {title} — {hours} t gjennomført: klar til å godkjennes</translation>
    </message>
    <message>
        <source>○ {n}. {title} — {done}/{hours} h</source>
        <translation>○ {n}. {title} — {done}/{hours} t</translation>
    </message>
    <message>
        <source>Hours per week: {programme}</source>
        <translation>Timer per uke: {programme}</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Begrunnelse (må fylles ut)</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Begrunnelse (valgfritt)</translation>
    </message>
    <message>
        <source>Milestones are signed off while the enrolment is active</source>
        <translation>Delmål godkjennes mens deltakelsen er aktiv</translation>
    </message>
    <message>
        <source>None recorded yet.</source>
        <translation>Ingenting registrert ennå.</translation>
    </message>
    <message>
        <source>Choose a programme first.</source>
        <translation>Velg et program først.</translation>
    </message>
    <message>
        <source>Enrolled in {p}</source>
        <translation>Påmeldt {p}</translation>
    </message>
    <message>
        <source>Enrolment in {p} undone.</source>
        <translation>Påmeldingen til {p} er angret.</translation>
    </message>
    <message>
        <source>Give a reason for marking the enrolment {status}.</source>
        <translation>Oppgi en begrunnelse for å sette deltakelsen til {status}.</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status endret</translation>
    </message>
    <message>
        <source>Milestone signed off</source>
        <translation>Delmål godkjent</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign people</source>
        <translation>Omfordel personer</translation>
    </message>
    <message>
        <source>People to move</source>
        <translation>Personer som skal flyttes</translation>
    </message>
    <message>
        <source>Move to officer</source>
        <translation>Flytt til betjent</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Arbeidsmengde</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relasjon</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Løslatelse</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Overføring</translation>
    </message>
    <message>
        <source>Other (say why in the note)</source>
        <translation>Annet (skriv hvorfor i notatet)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Caseload after the move</source>
        <translation>Kontaktansvar etter flyttingen</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personer</translation>
    </message>
    <message>
        <source>&amp;To officer</source>
        <translation>&amp;Til betjent</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grunn</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Omfordel</translation>
    </message>
    <message>
        <source>{name} has {now} people now, {after} after the move.</source>
        <translation>{name} har {now} personer nå, {after} etter flyttingen.</translation>
    </message>
    <message>
        <source>That is more than six: you will be asked to confirm.</source>
        <translation>Det er flere enn seks: du blir bedt om å bekrefte.</translation>
    </message>
    <message>
        <source>Tick at least one person to move.</source>
        <translation>Kryss av minst én person som skal flyttes.</translation>
    </message>
    <message>
        <source>Choose the officer the people move to.</source>
        <translation>Velg betjenten personene flyttes til.</translation>
    </message>
    <message>
        <source>Say in the note why the people move.</source>
        <translation>Skriv i notatet hvorfor personene flyttes.</translation>
    </message>
    <message>
        <source>Reassign anyway</source>
        <translation>Omfordel likevel</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral: {item}</source>
        <translation>Henvisning: {item}</translation>
    </message>
    <message>
        <source>e.g. NAV Halden, the municipality&apos;s housing office</source>
        <translation>f.eks. NAV Halden, kommunens boligkontor</translation>
    </message>
    <message>
        <source>The person has agreed to this referral</source>
        <translation>Personen har samtykket til denne henvisningen</translation>
    </message>
    <message>
        <source>The agency&apos;s answer, when it comes (optional)</source>
        <translation>Svaret fra instansen, når det kommer (valgfritt)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instans</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Write which agency the referral goes to.</source>
        <translation>Skriv hvilken instans henvisningen går til.</translation>
    </message>
    <message>
        <source>The referral&apos;s date is in the future.</source>
        <translation>Datoen for henvisningen er fram i tid.</translation>
    </message>
    <message>
        <source>A referral is only sent with the person&apos;s consent; ask them, and tick the box when they agree.</source>
        <translation>En henvisning sendes bare med personens samtykke; spør vedkommende, og kryss av når de samtykker.</translation>
    </message>
</context>
<context>
    <name>ReleasePlanPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Laster…</translation>
    </message>
    <message>
        <source>No release plan yet</source>
        <translation>Ingen løslatelsesplan ennå</translation>
    </message>
    <message>
        <source>A plan is made from the standard template: accommodation, school or work, finance and ID, health, drugs and alcohol, family, programmes and release day. Due dates are counted back from the release date.</source>
        <translation>En plan lages fra standardmalen: bolig, skole eller arbeid, økonomi og legitimasjon, helse, rus, familie, programmer og løslatelsesdagen. Fristene regnes bakover fra løslatelsesdatoen.</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Løslatelsesdato</translation>
    </message>
    <message>
        <source>Create release plan</source>
        <translation>Opprett løslatelsesplan</translation>
    </message>
    <message>
        <source>Change release date…</source>
        <translation>Endre løslatelsesdato…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Godkjenn…</translation>
    </message>
    <message>
        <source>Print plan</source>
        <translation>Skriv ut plan</translation>
    </message>
    <message>
        <source>Print in Norwegian (bokmål)…</source>
        <translation>Skriv ut på norsk (bokmål)…</translation>
    </message>
    <message>
        <source>Print in English…</source>
        <translation>Skriv ut på engelsk…</translation>
    </message>
    <message>
        <source>Save as PDF in Norwegian (bokmål)…</source>
        <translation>Lagre som PDF på norsk (bokmål)…</translation>
    </message>
    <message>
        <source>Save as PDF in English…</source>
        <translation>Lagre som PDF på engelsk…</translation>
    </message>
    <message>
        <source>The person&apos;s own copy, in plain language</source>
        <translation>Personens eget eksemplar, i klart språk</translation>
    </message>
    <message>
        <source>Items of the release plan</source>
        <translation>Punktene i løslatelsesplanen</translation>
    </message>
    <message>
        <source>Part of the release gate: mark it done only with what confirms it.</source>
        <translation>Del av minstekravet for løslatelse: merk det som utført bare med det som bekrefter det.</translation>
    </message>
    <message>
        <source>Who is doing this (officer, agency, the person)</source>
        <translation>Hvem som gjør dette (betjent, instans, personen selv)</translation>
    </message>
    <message>
        <source>What confirms it: a letter, a call, a meeting</source>
        <translation>Hva som bekrefter det: et brev, en telefon, et møte</translation>
    </message>
    <message>
        <source>Use an achievement as evidence</source>
        <translation>Bruk noe personen har oppnådd som dokumentasjon</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>Lagre punkt</translation>
    </message>
    <message>
        <source>Add referral…</source>
        <translation>Legg til henvisning…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Dokumentasjon</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Choose an item on the left to work on it.</source>
        <translation>Velg et punkt til venstre for å jobbe med det.</translation>
    </message>
    <message>
        <source>Release {date}: in {days}</source>
        <translation>Løslatelse {date}: om {days}</translation>
    </message>
    <message>
        <source>Release today ({date})</source>
        <translation>Løslatelse i dag ({date})</translation>
    </message>
    <message>
        <source>Release date {date} has passed</source>
        <translation>Løslatelsesdatoen {date} er passert</translation>
    </message>
    <message>
        <source>{done} of {total} done ({pct:.0f} %)</source>
        <translation>{done} av {total} utført ({pct:.0f} %)</translation>
    </message>
    <message>
        <source>{overdue} overdue, {due} due within 14 days</source>
        <translation>{overdue} over fristen, {due} med frist innen 14 dager</translation>
    </message>
    <message>
        <source>Release is within 7 days and the gate is unmet: tell the supervisor today.</source>
        <translation>Løslatelsen er innen 7 dager og minstekravet er ikke oppfylt: si fra til vaktleder i dag.</translation>
    </message>
    <message>
        <source>Release is within 8 weeks and the gate is unmet: this needs work now.</source>
        <translation>Løslatelsen er innen 8 uker og minstekravet er ikke oppfylt: dette må følges opp nå.</translation>
    </message>
    <message>
        <source>{role}: signed off by {name}</source>
        <translation>{role}: godkjent av {name}</translation>
    </message>
    <message>
        <source>{role}: not signed off</source>
        <translation>{role}: ikke godkjent</translation>
    </message>
    <message>
        <source>Gate overridden: {reason}</source>
        <translation>Minstekravet overstyrt: {reason}</translation>
    </message>
    <message>
        <source>Release sign-off is for the contact officer and a supervisor</source>
        <translation>Godkjenning av løslatelsen gjøres av kontaktbetjenten og en vaktleder</translation>
    </message>
    <message>
        <source>You have signed this release off</source>
        <translation>Du har godkjent denne løslatelsen</translation>
    </message>
    <message>
        <source>Override and sign off…</source>
        <translation>Overstyr og godkjenn…</translation>
    </message>
    <message>
        <source>Overdue: was due {date}</source>
        <translation>Over fristen: frist var {date}</translation>
    </message>
    <message>
        <source>Due soon: {date}</source>
        <translation>Frist snart: {date}</translation>
    </message>
    <message>
        <source>Was due {date}</source>
        <translation>Frist var {date}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Frist {date}</translation>
    </message>
    <message>
        <source>Two officers set different statuses while apart; a supervisor decides under Unit ▸ Sync conflicts. Owner and evidence can still be saved.</source>
        <translation>To betjenter satte ulik status uten forbindelse; en vaktleder avgjør under Avdeling ▸ Synkroniseringskonflikter. Ansvarlig og dokumentasjon kan fortsatt lagres.</translation>
    </message>
    <message>
        <source>{date}: {agency} (consent given)</source>
        <translation>{date}: {agency} (samtykke gitt)</translation>
    </message>
    <message>
        <source>answer: {a}</source>
        <translation>svar: {a}</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>ikke svar ennå</translation>
    </message>
    <message>
        <source>None sent.</source>
        <translation>Ingen sendt.</translation>
    </message>
    <message>
        <source>Use as evidence…</source>
        <translation>Bruk som dokumentasjon …</translation>
    </message>
    <message>
        <source>Certificate: {title}, issued {date}</source>
        <translation>Kursbevis: {title}, utstedt {date}</translation>
    </message>
    <message>
        <source> by {issuer}</source>
        <translation> av {issuer}</translation>
    </message>
    <message>
        <source>Programme completed: {programme}, {date}</source>
        <translation>Program fullført: {programme}, {date}</translation>
    </message>
    <message>
        <source>Milestone signed off: {title} ({programme}), {date}</source>
        <translation>Delmål godkjent: {title} ({programme}), {date}</translation>
    </message>
    <message>
        <source>Release plan created</source>
        <translation>Løslatelsesplanen er opprettet</translation>
    </message>
    <message>
        <source>Item saved</source>
        <translation>Punktet er lagret</translation>
    </message>
    <message>
        <source>Plan sent to the printer.</source>
        <translation>Planen er sendt til skriveren.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose another folder.</source>
        <translation>Mappen {folder} finnes ikke. Velg en annen mappe.</translation>
    </message>
    <message>
        <source>The plan could not be saved ({error}). Choose another folder.</source>
        <translation>Planen kunne ikke lagres ({error}). Velg en annen mappe.</translation>
    </message>
    <message>
        <source>Plan saved to {path}</source>
        <translation>Planen er lagret i {path}</translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation>Lagre planen som PDF</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Tilbakestill passord</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}). The old one cannot be shown: it is not kept anywhere.</source>
        <translation>Et nytt passord for {name} ({username}). Det gamle kan ikke vises: det lagres ingen steder.</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Nytt &amp;passord</translation>
    </message>
    <message>
        <source>Repeat pass&amp;word</source>
        <translation>Gjenta pass&amp;ordet</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De to passordene er ikke like. Skriv dem på nytt.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Endre rolle</translation>
    </message>
    <message>
        <source>What {name} may do at the desk.</source>
        <translation>Hva {name} kan gjøre ved skrivebordet.</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Register the people in a roster file: a CSV file saved as UTF-8, one line per person (the columns are described in docs/roster-format.md). The file is checked first and nothing is saved until you import it; then everyone in it is registered, or no one.</source>
        <translation>Registrer personene i en innsattliste: en CSV-fil lagret som UTF-8, én linje per person (kolonnene er beskrevet i docs/roster-format.md). Filen kontrolleres først, og ingenting lagres før du importerer den; da registreres alle i den, eller ingen.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil valgt</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>Innsattlistefil</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Velg fil…</translation>
    </message>
    <message>
        <source>People the import registers</source>
        <translation>Personer importen registrerer</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>Prison number</source>
        <translation>Innsattnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Celle</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Ankomst</translation>
    </message>
    <message>
        <source>Contact officer</source>
        <translation>Kontaktbetjent</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Feil i filen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Import 1 person</source>
        <translation>&amp;Importer 1 person</translation>
    </message>
    <message>
        <source>&amp;Import {n} people</source>
        <translation>&amp;Importer {n} personer</translation>
    </message>
    <message>
        <source>Choose a roster file</source>
        <translation>Velg en innsattliste</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.txt);;All files (*)</source>
        <translation>Innsattlister (*.csv *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Kontrollerer filen …</translation>
    </message>
    <message>
        <source>The file is good: {people} to register, {assigned} of them assigned to a contact officer. Nothing is saved until you import it.</source>
        <translation>Filen er i orden: {people} å registrere, {assigned} av dem med kontaktbetjent. Ingenting lagres før du importerer den.</translation>
    </message>
    <message>
        <source>The roster cannot be imported: the file has problems on the lines below. Nothing was saved. Fix them in the file, then choose it again.</source>
        <translation>Innsattlisten kan ikke importeres: filen har feil på linjene nedenfor. Ingenting ble lagret. Rett dem i filen, og velg den på nytt.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerer …</translation>
    </message>
    <message>
        <source>Imported {people}; {assigned} assigned to a contact officer.</source>
        <translation>Importerte {people}; {assigned} fikk kontaktbetjent.</translation>
    </message>
</context>
<context>
    <name>SetUpPanel</name>
    <message>
        <source>A workstation of its own, not connected to a hub (it can join one later). You become its first admin and create the officers&apos; accounts after signing in.</source>
        <translation>En egen arbeidsstasjon, ikke koblet til en server (den kan kobles til senere). Du blir dens første administrator og oppretter betjentenes kontoer etter at du har logget inn.</translation>
    </message>
    <message>
        <source>&amp;Set up this workstation</source>
        <translation>&amp;Sett opp denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>Set up this workstation</source>
        <translation>Sett opp denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>Facility name</source>
        <translation>Fengselets navn</translation>
    </message>
    <message>
        <source>for example Halden fengsel</source>
        <translation>for eksempel Halden fengsel</translation>
    </message>
    <message>
        <source>Facility code</source>
        <translation>Fengselskode</translation>
    </message>
    <message>
        <source>for example HAL</source>
        <translation>for eksempel HAL</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Avdelingens navn</translation>
    </message>
    <message>
        <source>for example Enhet C</source>
        <translation>for eksempel Avdeling C</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Avdelingskode</translation>
    </message>
    <message>
        <source>for example C</source>
        <translation>for eksempel C</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Navnet ditt</translation>
    </message>
    <message>
        <source>for example Kari Nordmann</source>
        <translation>for eksempel Kari Nordmann</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Brukernavnet ditt</translation>
    </message>
    <message>
        <source>for example kari.nordmann</source>
        <translation>for eksempel kari.nordmann</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gjenta passordet</translation>
    </message>
    <message>
        <source>Fac&amp;ility:</source>
        <translation>Fengse&amp;l:</translation>
    </message>
    <message>
        <source>Facility c&amp;ode:</source>
        <translation>Fengsels&amp;kode:</translation>
    </message>
    <message>
        <source>Uni&amp;t:</source>
        <translation>Av&amp;deling:</translation>
    </message>
    <message>
        <source>Unit co&amp;de:</source>
        <translation>Avdelingsk&amp;ode:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Navnet ditt:</translation>
    </message>
    <message>
        <source>Your user na&amp;me:</source>
        <translation>&amp;Brukernavnet ditt:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Gjen&amp;ta passordet:</translation>
    </message>
    <message>
        <source>At least 10 characters, not a common password and not your user name. A few words together are easy to remember and hard to guess.</source>
        <translation>Minst 10 tegn, ikke et vanlig passord og ikke brukernavnet ditt. Noen ord sammen er lette å huske og vanskelige å gjette.</translation>
    </message>
    <message>
        <source>Fill in “{what}”: every field is needed.</source>
        <translation>Fyll ut «{what}»: alle feltene må fylles ut.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De to passordene er ikke like. Skriv dem på nytt.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>{low} to {high}, normally {default}</source>
        <translation>{low} til {high}, vanligvis {default}</translation>
    </message>
    <message>
        <source>These apply on this workstation, except how long records are kept: that is one rule for the whole facility, shared through the hub. Each change is recorded in the audit log.</source>
        <translation>Disse gjelder på denne arbeidsstasjonen, unntatt hvor lenge data beholdes: det er én regel for hele anstalten, delt gjennom serveren. Hver endring føres i revisjonsloggen.</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Lagre innstillinger</translation>
    </message>
    <message>
        <source>Nothing to save: no value was changed.</source>
        <translation>Ingenting å lagre: ingen verdier er endret.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>SignHandoverDialog</name>
    <message>
        <source>Sign the handover</source>
        <translation>Signer overleveringen</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Type your password to sign as {name}.</source>
        <translation>Skriv passordet ditt for å signere som {name}.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Passordet ditt</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passord</translation>
    </message>
    <message numerus="yes">
        <source>You sign the handover of {unit} from {outgoing}, for the shift {start} to {end}: %n person(s) ({acknowledged} acknowledged), {actions}, {contingencies}.</source>
        <translation>
            <numerusform>Du signerer overleveringen for {unit} fra {outgoing}, for vakten {start} til {end}: %n person ({acknowledged} kvittert), {actions}, {contingencies}.</numerusform>
            <numerusform>Du signerer overleveringen for {unit} fra {outgoing}, for vakten {start} til {end}: %n personer ({acknowledged} kvittert), {actions}, {contingencies}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n tiltak</numerusform>
            <numerusform>%n tiltak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contingency plan(s)</source>
        <translation>
            <numerusform>%n beredskapsplan</numerusform>
            <numerusform>%n beredskapsplaner</numerusform>
        </translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>Skriv passordet ditt for å signere.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>for example kari.nordmann</source>
        <translation>for eksempel kari.nordmann</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Brukernavn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passord</translation>
    </message>
    <message>
        <source>Sign in to this unit&apos;s desk.</source>
        <translation>Logg inn på avdelingens skrivebord.</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>Skriv brukernavnet ditt.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Skriv passordet ditt.</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Release sign-off: {name}</source>
        <translation>Godkjenning av løslatelse: {name}</translation>
    </message>
    <message>
        <source>Sign off as supervisor</source>
        <translation>Godkjenn som vaktleder</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <source>Why release can go ahead without it, and what has been arranged instead</source>
        <translation>Hvorfor løslatelsen kan gå videre uten det, og hva som er ordnet i stedet</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Begrunnelse for overstyringen</translation>
    </message>
    <message>
        <source>Reason for overriding the gate (kept in the audit log)</source>
        <translation>Begrunnelse for å overstyre minstekravet (lagres i revisjonsloggen)</translation>
    </message>
    <message>
        <source>The gate is met. Your sign-off is recorded with your name and the time.</source>
        <translation>Minstekravet er oppfylt. Godkjenningen din registreres med navnet ditt og tidspunktet.</translation>
    </message>
    <message>
        <source>Release sign-off is blocked while the gate is unmet. As a supervisor you can override it with a written reason.</source>
        <translation>Godkjenning av løslatelsen er sperret så lenge minstekravet ikke er oppfylt. Som vaktleder kan du overstyre med en skriftlig begrunnelse.</translation>
    </message>
    <message>
        <source>Override and sign off</source>
        <translation>Overstyr og godkjenn</translation>
    </message>
</context>
<context>
    <name>SupervisorScreens</name>
    <message>
        <source>Unit &amp;overview</source>
        <translation>Avdelings&amp;oversikt</translation>
    </message>
    <message>
        <source>Every caseload, every person&apos;s flags and release, the workstations</source>
        <translation>Alle kontaktansvar, hver persons flagg og løslatelse, arbeidsstasjonene</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts</source>
        <translation>Synkroniserings&amp;konflikter</translation>
    </message>
    <message>
        <source>Decide what the sync could not merge</source>
        <translation>Avgjør det synkroniseringen ikke kunne slå sammen</translation>
    </message>
    <message>
        <source>People reassigned.</source>
        <translation>Personene er flyttet.</translation>
    </message>
    <message>
        <source>Reassignment undone; they are back.</source>
        <translation>Flyttingen er angret; de er tilbake.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync stopped: this workstation&apos;s access was withdrawn</source>
        <translation>Synkroniseringen stoppet: denne arbeidsstasjonens tilgang er trukket tilbake</translation>
    </message>
    <message>
        <source>Sync stopped: the clock is wrong</source>
        <translation>Synkroniseringen stoppet: klokken går feil</translation>
    </message>
    <message>
        <source>Sync stopped: update the app</source>
        <translation>Synkroniseringen stoppet: oppdater programmet</translation>
    </message>
    <message>
        <source>Sync stopped: the hub needs an update</source>
        <translation>Synkroniseringen stoppet: serveren må oppdateres</translation>
    </message>
    <message>
        <source>Sync stopped: the hub does not know this workstation</source>
        <translation>Synkroniseringen stoppet: serveren kjenner ikke denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>Sync stopped: the hub&apos;s address is not secure</source>
        <translation>Synkroniseringen stoppet: serverens adresse er ikke sikker</translation>
    </message>
    <message>
        <source>Sync refused by the hub</source>
        <translation>Synkroniseringen ble avvist av serveren</translation>
    </message>
    <message>
        <source>Sync stopped: the records could not be used</source>
        <translation>Synkroniseringen stoppet: dataene kunne ikke brukes</translation>
    </message>
    <message>
        <source>Sync stopped by a fault in the app</source>
        <translation>Synkroniseringen stoppet på grunn av en feil i programmet</translation>
    </message>
    <message>
        <source>The last sync did not finish</source>
        <translation>Siste synkronisering ble ikke fullført</translation>
    </message>
    <message>
        <source>Ask facility IT to enrol this workstation again (Unit → Settings → Hub).</source>
        <translation>Be IT-ansvarlig om å registrere denne arbeidsstasjonen på nytt (Avdeling → Innstillinger → Server).</translation>
    </message>
    <message>
        <source>Ask facility IT to set this computer&apos;s date and time; sync resumes then.</source>
        <translation>Be IT-ansvarlig stille dato og klokkeslett på denne datamaskinen; synkroniseringen fortsetter da.</translation>
    </message>
    <message>
        <source>Ask facility IT to install the new version of Officer Desk.</source>
        <translation>Be IT-ansvarlig installere den nye versjonen av Officer Desk.</translation>
    </message>
    <message>
        <source>This workstation&apos;s Officer Desk is newer than the hub. Ask facility IT to update the hub; sync resumes then.</source>
        <translation>Officer Desk på denne arbeidsstasjonen er nyere enn serveren. Be IT-ansvarlig oppdatere serveren; synkroniseringen fortsetter da.</translation>
    </message>
    <message>
        <source>Close other copies of Officer Desk on this computer and try Sync now.</source>
        <translation>Lukk andre kopier av Officer Desk på denne datamaskinen og prøv «Synkroniser nå».</translation>
    </message>
    <message>
        <source>Records are not sent over an unencrypted (http://) connection. Ask facility IT for the hub&apos;s https:// address and to enrol this workstation with it (Unit → Settings → Hub).</source>
        <translation>Journaler sendes ikke over en ukryptert (http://) forbindelse. Be IT-ansvarlig om serverens https://-adresse og om å registrere denne arbeidsstasjonen med den (Avdeling → Innstillinger → Server).</translation>
    </message>
    <message>
        <source>Try Sync now later; if it keeps failing, tell facility IT what it says.</source>
        <translation>Prøv «Synkroniser nå» senere; hvis det fortsetter å feile, fortell IT-ansvarlig hva som står.</translation>
    </message>
    <message>
        <source>The details are in the log; tell facility IT. Try Sync now later.</source>
        <translation>Detaljene står i loggen; si fra til IT-ansvarlig. Prøv «Synkroniser nå» senere.</translation>
    </message>
    <message>
        <source>Sync now tries again.</source>
        <translation>«Synkroniser nå» prøver igjen.</translation>
    </message>
    <message>
        <source>Nothing typed here is lost: changes are kept on this workstation.</source>
        <translation>Ingenting som er skrevet her, går tapt: endringene beholdes på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>Connected to the hub; changes are sent a few seconds after they are saved.</source>
        <translation>Koblet til serveren; endringer sendes noen sekunder etter at de er lagret.</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 endring venter</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frakoblet</translation>
    </message>
    <message>
        <source>The hub refused some changes from this workstation. They are kept here with the hub&apos;s reasons (see the list); a supervisor can enter them again if still needed.</source>
        <translation>Serveren avviste noen endringer fra denne arbeidsstasjonen. De beholdes her med serverens begrunnelser (se listen); en vaktleder kan registrere dem på nytt hvis de fortsatt trengs.</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} endringer venter</translation>
    </message>
    <message>
        <source>Standalone — not connected to a hub</source>
        <translation>Frittstående — ikke koblet til en server</translation>
    </message>
    <message>
        <source>This workstation works on its own; everything is kept here. Facility IT can join it to the facility&apos;s hub to share records with other workstations.</source>
        <translation>Denne arbeidsstasjonen arbeider på egen hånd; alt lagres her. IT-ansvarlig kan koble den til fengselets server for å dele data med andre arbeidsstasjoner.</translation>
    </message>
    <message>
        <source>Sending this workstation&apos;s changes and receiving the others&apos;. Work goes on meanwhile.</source>
        <translation>Sender denne arbeidsstasjonens endringer og henter de andres. Arbeidet kan fortsette imens.</translation>
    </message>
    <message>
        <source>The hub cannot be reached (no network, or the hub is down). Work goes on here; changes are sent when the hub is back, tried again automatically. If it lasts, check the network cable or tell facility IT.</source>
        <translation>Serveren kan ikke nås (ikke nett, eller serveren er nede). Arbeidet fortsetter her; endringene sendes når serveren er tilbake, og det prøves igjen automatisk. Hvis det varer, sjekk nettverkskabelen eller si fra til IT-ansvarlig.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ikke synkronisert ennå</translation>
    </message>
    <message>
        <source>1 change refused</source>
        <translation>1 endring avvist</translation>
    </message>
    <message>
        <source>{n} changes refused</source>
        <translation>{n} endringer avvist</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>i dag kl. {time}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <source>Syncing… received {n}</source>
        <translation>Synkroniserer… mottatt {n}</translation>
    </message>
    <message>
        <source>Offline — {waiting}</source>
        <translation>Frakoblet — {waiting}</translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation>Synkronisert kl. {time}</translation>
    </message>
    <message>
        <source>Syncing… sent {n}</source>
        <translation>Synkroniserer… sendt {n}</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>Click for details and Sync now.</source>
        <translation>Klikk for detaljer og «Synkroniser nå».</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Meal</source>
        <translation>Måltid</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølgingspunkt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Person&apos;s details</source>
        <translation>Personopplysninger</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Løslatelsesplan</translation>
    </message>
    <message>
        <source>Release checklist item</source>
        <translation>Punkt på løslatelsessjekklisten</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>Release sign-off</source>
        <translation>Godkjenning av løslatelse</translation>
    </message>
    <message>
        <source>Programme enrolment</source>
        <translation>Programdeltakelse</translation>
    </message>
    <message>
        <source>Programme milestone</source>
        <translation>Delmål i program</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Kursbevis</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Synkroniser med serveren</translation>
    </message>
    <message>
        <source>Hub:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Siste synkronisering:</translation>
    </message>
    <message>
        <source>Changes waiting:</source>
        <translation>Endringer som venter:</translation>
    </message>
    <message>
        <source>Changes the hub refused</source>
        <translation>Endringer serveren avviste</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>The hub has refused none of this workstation&apos;s changes.</source>
        <translation>Serveren har ikke avvist noen av endringene fra denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>&amp;Join a hub…</source>
        <translation>&amp;Koble til en server…</translation>
    </message>
    <message>
        <source>Join a hub</source>
        <translation>Koble til en server</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synkroniser nå</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Sync is off while no one is signed in</source>
        <translation>Synkroniseringen er av når ingen er logget inn</translation>
    </message>
    <message>
        <source>none (standalone)</source>
        <translation>ingen (frittstående)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>An admin joins this workstation to the facility&apos;s hub.</source>
        <translation>En administrator kobler denne arbeidsstasjonen til fengselets server.</translation>
    </message>
    <message>
        <source>Changes the hub refused ({n})</source>
        <translation>Endringer serveren avviste ({n})</translation>
    </message>
</context>
<context>
    <name>TimeSpan</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>{what} starts in the future; enter a time that has passed.</source>
        <translation>{what} starter fram i tid; skriv inn et tidspunkt som har vært.</translation>
    </message>
    <message>
        <source>The end is before the start; check both times.</source>
        <translation>Slutten er før starten; sjekk begge tidspunktene.</translation>
    </message>
    <message>
        <source>The end is in the future; enter a time that has passed.</source>
        <translation>Slutten er fram i tid; skriv inn et tidspunkt som har vært.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>Måltid</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>{what}: {outcome}, {minutes} min</source>
        <translation>{what}: {outcome}, {minutes} min</translation>
    </message>
    <message>
        <source>One-to-one, {minutes} min, mood: {mood}</source>
        <translation>Kontaktsamtale, {minutes} min, humør: {mood}</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>sensitivt</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>rettet</translation>
    </message>
    <message>
        <source>Topics: {topics}</source>
        <translation>Temaer: {topics}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Hours per week</source>
        <translation>Timer per uke</translation>
    </message>
    <message>
        <source>{hours:.0f} hours over the last {n} weeks</source>
        <translation>{hours:.0f} timer de siste {n} ukene</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Ingen økter ennå</translation>
    </message>
</context>
<context>
    <name>UndoMealDialog</name>
    <message>
        <source>Undo last meal log</source>
        <translation>Angre siste måltidsregistrering</translation>
    </message>
    <message>
        <source>Your last meal log in this shift (everyone in it) is marked as a mistake. It stays in the history with your reason.</source>
        <translation>Din siste måltidsregistrering i denne vakten (alle som var med) merkes som en feil. Den blir stående i historikken med begrunnelsen din.</translation>
    </message>
    <message numerus="yes">
        <source>Your last meal log in this shift: {meal} on {day}, saved at {time} for %n person(s). It is marked as a mistake and stays in the history with your reason.</source>
        <translation>
            <numerusform>Din siste måltidsregistrering i denne vakten: {meal} {day}, lagret {time} for %n person. Den merkes som en feil og blir stående i historikken med begrunnelsen din.</numerusform>
            <numerusform>Din siste måltidsregistrering i denne vakten: {meal} {day}, lagret {time} for %n personer. Den merkes som en feil og blir stående i historikken med begrunnelsen din.</numerusform>
        </translation>
    </message>
    <message>
        <source>Logged by mistake</source>
        <translation>Registrert ved en feil</translation>
    </message>
    <message>
        <source>Wrong meal</source>
        <translation>Feil måltid</translation>
    </message>
    <message>
        <source>Wrong people</source>
        <translation>Feil personer</translation>
    </message>
    <message>
        <source>Why undo it?</source>
        <translation>Hvorfor angre?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Undo meal log</source>
        <translation>Angre måltidsregistrering</translation>
    </message>
    <message>
        <source>Give a reason for the undo.</source>
        <translation>Oppgi en grunn for å angre.</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>Undo the last action</source>
        <translation>Angre det siste du gjorde</translation>
    </message>
</context>
<context>
    <name>UnitOverview</name>
    <message>
        <source>none logged</source>
        <translation>ingen registrert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>i går</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation>denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>akkurat nå</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Betjent</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Covering</source>
        <translation>Stedfortreder</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Kontaktansvar</translation>
    </message>
    <message>
        <source>{eaten} of {logged} eaten</source>
        <translation>{eaten} av {logged} spist</translation>
    </message>
    <message>
        <source>needs a talk</source>
        <translation>trenger en samtale</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>for {n} dager siden</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>ingen plan</translation>
    </message>
    <message>
        <source>{p} % done</source>
        <translation>{p} % utført</translation>
    </message>
    <message>
        <source>place to live or school/job missing</source>
        <translation>sted å bo eller skole/arbeid mangler</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contact officer</source>
        <translation>Kontaktbetjent</translation>
    </message>
    <message>
        <source>Last talk</source>
        <translation>Siste samtale</translation>
    </message>
    <message>
        <source>Meals today</source>
        <translation>Måltider i dag</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flagg</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Løslatelse</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Klar for løslatelse</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeidsstasjon</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Siste synkronisering</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Endringer som venter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Fullt</translation>
    </message>
    <message>
        <source>1 concern note</source>
        <translation>1 bekymringsnotat</translation>
    </message>
    <message>
        <source>1 release item overdue</source>
        <translation>1 punkt i løslatelsesplanen over fristen</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>for {n} min siden</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>for {n} t siden</translation>
    </message>
    <message>
        <source>Room for {n}</source>
        <translation>Plass til {n}</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Advarsel: </translation>
    </message>
    <message>
        <source>safety alert: {alerts}</source>
        <translation>sikkerhetsvarsel: {alerts}</translation>
    </message>
    <message>
        <source>refused {n} meals in a row</source>
        <translation>har nektet {n} måltider på rad</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>trukket tilbake</translation>
    </message>
    <message>
        <source>Over capacity by {n}</source>
        <translation>Over kapasitet med {n}</translation>
    </message>
    <message>
        <source>{n} concern notes</source>
        <translation>{n} bekymringsnotater</translation>
    </message>
    <message>
        <source>{n} release items overdue</source>
        <translation>{n} punkter i løslatelsesplanen over fristen</translation>
    </message>
    <message>
        <source>{name} (cover until {day})</source>
        <translation>{name} (stedfortreder til {day})</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>om {n} dager</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>registrert</translation>
    </message>
    <message>
        <source>{name} (supervisor)</source>
        <translation>{name} (vaktleder)</translation>
    </message>
</context>
<context>
    <name>UnitOverviewPage</name>
    <message>
        <source>Unit overview</source>
        <translation>Avdelingsoversikt</translation>
    </message>
    <message>
        <source>Caseloads against capacity</source>
        <translation>Kontaktansvar mot kapasitet</translation>
    </message>
    <message>
        <source>People on the unit</source>
        <translation>Personer på avdelingen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <source>Number of days for the filter</source>
        <translation>Antall dager for filteret</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Betjent</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Alle betjenter</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>&amp;Omfordel…</translation>
    </message>
    <message>
        <source>Reassign the selected people</source>
        <translation>Omfordel de valgte personene</translation>
    </message>
    <message>
        <source>Arrange &amp;cover…</source>
        <translation>Ordne &amp;stedfortreder…</translation>
    </message>
    <message>
        <source>Arrange cover for an officer on leave</source>
        <translation>Ordne stedfortreder for en betjent med fravær</translation>
    </message>
    <message>
        <source>Sync c&amp;onflicts…</source>
        <translation>Synkroniserings&amp;konflikter…</translation>
    </message>
    <message>
        <source>Review sync conflicts</source>
        <translation>Gå gjennom synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>Workstations of the unit</source>
        <translation>Avdelingens arbeidsstasjoner</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Caseloads</source>
        <translation>Kontaktansvar</translation>
    </message>
    <message>
        <source>Workstations</source>
        <translation>Arbeidsstasjoner</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>{people} people, {officers} caseloads.</source>
        <translation>{people} personer, {officers} kontaktansvar.</translation>
    </message>
    <message>
        <source>Over capacity: {names}.</source>
        <translation>Over kapasitet: {names}.</translation>
    </message>
    <message>
        <source>{n} with nobody assigned.</source>
        <translation>{n} uten tildelt betjent.</translation>
    </message>
    <message>
        <source>Asking the hub about the unit&apos;s workstations…</source>
        <translation>Spør serveren om avdelingens arbeidsstasjoner…</translation>
    </message>
    <message>
        <source>The hub&apos;s list could not be read.</source>
        <translation>Serverens liste kunne ikke leses.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hub: there is no sync to show. Facility IT enrols workstations.</source>
        <translation>Denne arbeidsstasjonen er ikke registrert hos en server: det er ingen synkronisering å vise. IT-ansvarlig registrerer arbeidsstasjoner.</translation>
    </message>
    <message>
        <source>Showing this workstation only. {problem}</source>
        <translation>Viser bare denne arbeidsstasjonen. {problem}</translation>
    </message>
    <message>
        <source>As the hub last heard from each workstation.</source>
        <translation>Slik serveren sist hørte fra hver arbeidsstasjon.</translation>
    </message>
    <message>
        <source>{shown} of {all} shown</source>
        <translation>{shown} av {all} vises</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Release within N days</source>
        <translation>Løslatelse innen N dager</translation>
    </message>
    <message>
        <source>Overdue release items</source>
        <translation>Løslatelsespunkter over fristen</translation>
    </message>
    <message>
        <source>No talk in N days</source>
        <translation>Ingen samtale på N dager</translation>
    </message>
    <message>
        <source>Refusal streaks</source>
        <translation>Nektede måltider på rad</translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation>Et hvilket som helst flagg</translation>
    </message>
    <message>
        <source>Nobody assigned</source>
        <translation>Ingen tildelt</translation>
    </message>
</context>
<context>
    <name>handover draft</name>
    <message>
        <source>breakfast</source>
        <translation>frokost</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>lunsj</translation>
    </message>
    <message>
        <source>dinner</source>
        <translation>middag</translation>
    </message>
    <message>
        <source>evening meal</source>
        <translation>kveldsmat</translation>
    </message>
    <message>
        <source>ate</source>
        <translation>spiste</translation>
    </message>
    <message>
        <source>ate some</source>
        <translation>spiste litt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>nektet</translation>
    </message>
    <message>
        <source>away</source>
        <translation>borte</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>deltok</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>nektet</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>syk</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>ikke påkrevd</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avlyst</translation>
    </message>
    <message>
        <source>clash</source>
        <translation>kollisjon</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>not hungry</source>
        <translation>ikke sulten</translation>
    </message>
    <message>
        <source>religion or diet</source>
        <translation>religion eller kost</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>medisinsk</translation>
    </message>
    <message>
        <source>asleep</source>
        <translation>sov</translation>
    </message>
    <message>
        <source>protest</source>
        <translation>protest</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>annen grunn</translation>
    </message>
    <message>
        <source>work/workshop</source>
        <translation>arbeid/verksted</translation>
    </message>
    <message>
        <source>school</source>
        <translation>skole</translation>
    </message>
    <message>
        <source>gym and sport</source>
        <translation>trening og idrett</translation>
    </message>
    <message>
        <source>recreation</source>
        <translation>fritid</translation>
    </message>
    <message>
        <source>cooking</source>
        <translation>matlaging</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>besøk</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>telefonsamtale</translation>
    </message>
    <message>
        <source>religious service</source>
        <translation>religiøs samling</translation>
    </message>
    <message>
        <source>health appointment</source>
        <translation>helsetime</translation>
    </message>
    <message>
        <source>programme session</source>
        <translation>programøkt</translation>
    </message>
    <message>
        <source>General note: “{text}”</source>
        <translation>Generelt notat: «{text}»</translation>
    </message>
    <message>
        <source>Positive note: “{text}”</source>
        <translation>Positivt notat: «{text}»</translation>
    </message>
    <message>
        <source>Concern note: “{text}”</source>
        <translation>Bekymringsnotat: «{text}»</translation>
    </message>
    <message>
        <source>Safety note: “{text}”</source>
        <translation>Sikkerhetsnotat: «{text}»</translation>
    </message>
    <message>
        <source>{code}</source>
        <translation>{code}</translation>
    </message>
    <message>
        <source>Meals: {items}.</source>
        <translation>Måltider: {items}.</translation>
    </message>
    <message>
        <source>Activities: {items}.</source>
        <translation>Aktiviteter: {items}.</translation>
    </message>
    <message numerus="yes">
        <source>%n sensitive note(s): read on the person&apos;s page.</source>
        <translation>
            <numerusform>%n sensitivt notat: les det på personsiden.</numerusform>
            <numerusform>%n sensitive notater: les dem på personsiden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing logged this shift.</source>
        <translation>Ingenting loggført denne vakten.</translation>
    </message>
    <message numerus="yes">
        <source>Refusal streak: %n meal(s) declined in a row.</source>
        <translation>
            <numerusform>Nektet %n måltid på rad.</numerusform>
            <numerusform>Nektet %n måltider på rad.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n concern or safety note(s) in the last two weeks.</source>
        <translation>
            <numerusform>%n bekymrings- eller sikkerhetsnotat de siste to ukene.</numerusform>
            <numerusform>%n bekymrings- eller sikkerhetsnotater de siste to ukene.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) overdue.</source>
        <translation>
            <numerusform>%n oppfølging på overtid.</numerusform>
            <numerusform>%n oppfølginger på overtid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts: {alerts}.</source>
        <translation>Varsler: {alerts}.</translation>
    </message>
    <message>
        <source>{activity} {outcome}</source>
        <translation>{activity} {outcome}</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (mood {moods} of 5; {topics}).</source>
        <translation>
            <numerusform>%n samtale (humør {moods} av 5; {topics}).</numerusform>
            <numerusform>%n samtaler (humør {moods} av 5; {topics}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (mood {moods} of 5).</source>
        <translation>
            <numerusform>%n samtale (humør {moods} av 5).</numerusform>
            <numerusform>%n samtaler (humør {moods} av 5).</numerusform>
        </translation>
    </message>
    <message>
        <source>No one-to-one conversation yet.</source>
        <translation>Ingen samtale på tomannshånd ennå.</translation>
    </message>
    <message numerus="yes">
        <source>No one-to-one conversation for %n day(s).</source>
        <translation>
            <numerusform>Ingen samtale på tomannshånd på %n dag.</numerusform>
            <numerusform>Ingen samtale på tomannshånd på %n dager.</numerusform>
        </translation>
    </message>
    <message>
        <source>{meal} {outcome} ({reason})</source>
        <translation>{meal} {outcome} ({reason})</translation>
    </message>
    <message>
        <source>{meal} {outcome} (together)</source>
        <translation>{meal} {outcome} (sammen)</translation>
    </message>
    <message>
        <source>{meal} {outcome}</source>
        <translation>{meal} {outcome}</translation>
    </message>
</context>
<context>
    <name>handover report</name>
    <message>
        <source>Shift handover</source>
        <translation>Vaktoverlevering</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enheten</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Telling</translation>
    </message>
    <message>
        <source>Escorts</source>
        <translation>Fremstillinger</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Avtaler</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eiendeler</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Rolig</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Følg med</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source>Shift {start} – {end}</source>
        <translation>Vakt {start} – {end}</translation>
    </message>
    <message>
        <source>Signed by {who} {at}</source>
        <translation>Signert av {who} {at}</translation>
    </message>
    <message>
        <source>the next shift</source>
        <translation>neste vakt</translation>
    </message>
    <message>
        <source>Handed over {at}, not signed yet</source>
        <translation>Overlevert {at}, ikke signert ennå</translation>
    </message>
    <message>
        <source>Draft, not handed over yet</source>
        <translation>Utkast, ikke overlevert ennå</translation>
    </message>
    <message>
        <source>Question ({who}): {text}</source>
        <translation>Spørsmål ({who}): {text}</translation>
    </message>
    <message>
        <source>Acknowledged by {who} {at}</source>
        <translation>Kvittert av {who} {at}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} av {pages}</translation>
    </message>
    <message>
        <source>Answer ({who}): {text}</source>
        <translation>Svar ({who}): {text}</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>Ikke besvart ennå.</translation>
    </message>
    <message>
        <source>due {at}</source>
        <translation>frist {at}</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>Enheten</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <source>If this, then that</source>
        <translation>Hvis dette, så det</translation>
    </message>
    <message>
        <source>done</source>
        <translation>utført</translation>
    </message>
    <message>
        <source>If {condition}, then {response}</source>
        <translation>Hvis {condition}, så {response}</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Ikke kvittert ennå</translation>
    </message>
    <message>
        <source>From {outgoing} to {incoming}</source>
        <translation>Fra {outgoing} til {incoming}</translation>
    </message>
</context>
<context>
    <name>journal report</name>
    <message>
        <source>Your journal</source>
        <translation>Journalen din</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>Laget {date}</translation>
    </message>
    <message>
        <source>This journal covers {first} to {last}: {meals}, {activities}, {conversations} and {notes}.</source>
        <translation>Journalen gjelder {first} til {last}: {meals}, {activities}, {conversations} og {notes}.</translation>
    </message>
    <message>
        <source>Conversation with an officer ({minutes} min)</source>
        <translation>Samtale med en betjent ({minutes} min)</translation>
    </message>
    <message>
        <source>Topics: {topics}.</source>
        <translation>Tema: {topics}.</translation>
    </message>
    <message>
        <source>Your mood as the officer noted it: {n} of 5 (1 is very low, 5 is very good).</source>
        <translation>Humøret ditt slik betjenten noterte det: {n} av 5 (1 er svært lavt, 5 er svært godt).</translation>
    </message>
    <message>
        <source>Nothing has been written down about you yet.</source>
        <translation>Det er ikke skrevet noe om deg ennå.</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Om deg</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Måned for måned</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Måltider</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Written down</source>
        <translation>Skrevet ned</translation>
    </message>
    <message>
        <source>{total} meals logged: {parts}.</source>
        <translation>{total} måltider registrert: {parts}.</translation>
    </message>
    <message>
        <source>{outcome} {times}{hours} on {days}</source>
        <translation>{outcome} {times}{hours} den {days}</translation>
    </message>
    <message>
        <source> (in all {hours})</source>
        <translation> (til sammen {hours})</translation>
    </message>
    <message>
        <source>written by {name}</source>
        <translation>skrevet av {name}</translation>
    </message>
    <message>
        <source>changed later</source>
        <translation>endret senere</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} av {pages}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> og </translation>
    </message>
    <message>
        <source>This is a copy of what the staff on your unit have written down about you in Officer Desk, the contact officers&apos; system: your details, your meals, your activities and the notes officers have written.</source>
        <translation>Dette er en kopi av det de ansatte på avdelingen din har skrevet ned om deg i Officer Desk, kontaktbetjentenes system: opplysninger om deg, måltidene dine, aktivitetene dine og notatene betjentene har skrevet.</translation>
    </message>
    <message>
        <source>Meals are counted for each month, so the journal does not get too long. Activities are grouped for each month, with the dates they happened.</source>
        <translation>Måltidene er talt opp for hver måned, så journalen ikke blir for lang. Aktivitetene er samlet for hver måned, med datoene de skjedde.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Some notes are not included.&lt;/b&gt; Notes marked sensitive are left out, for example when sharing them could put someone&apos;s safety at risk. You have the right to ask about them: ask your contact officer or the prison&apos;s management. You can also ask for that decision to be looked at again.</source>
        <translation>&lt;b&gt;Noen notater er ikke med.&lt;/b&gt; Notater som er merket som sensitive, er holdt utenfor, for eksempel når det å dele dem kan sette noens sikkerhet i fare. Du har rett til å spørre om dem: spør kontaktbetjenten din eller ledelsen i fengselet. Du kan også be om at den avgjørelsen blir vurdert på nytt.</translation>
    </message>
    <message>
        <source>If something here is wrong or missing, tell your contact officer. You can ask for it to be corrected.</source>
        <translation>Hvis noe her er feil eller mangler, si fra til kontaktbetjenten din. Du kan be om at det blir rettet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Kalles</translation>
    </message>
    <message>
        <source>Prison number</source>
        <translation>Innsattnummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Prison and unit</source>
        <translation>Fengsel og avdeling</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Celle</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Kom hit</translation>
    </message>
    <message>
        <source>Expected release</source>
        <translation>Forventet løslatelse</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Kosthold</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergier</translation>
    </message>
    <message>
        <source>Contact officer</source>
        <translation>Kontaktbetjent</translation>
    </message>
    <message>
        <source>once</source>
        <translation>én gang</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n} ganger</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minutter</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} timer</translation>
    </message>
    <message>
        <source>breakfast</source>
        <translation>frokost</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>lunsj</translation>
    </message>
    <message>
        <source>dinner</source>
        <translation>middag</translation>
    </message>
    <message>
        <source>evening meal</source>
        <translation>kveldsmat</translation>
    </message>
    <message>
        <source>ate</source>
        <translation>spiste</translation>
    </message>
    <message>
        <source>ate some</source>
        <translation>spiste litt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>takket nei</translation>
    </message>
    <message>
        <source>away</source>
        <translation>var borte</translation>
    </message>
    <message>
        <source>not hungry</source>
        <translation>ikke sulten</translation>
    </message>
    <message>
        <source>religion or diet</source>
        <translation>religion eller kosthold</translation>
    </message>
    <message>
        <source>medical reasons</source>
        <translation>medisinske grunner</translation>
    </message>
    <message>
        <source>asleep</source>
        <translation>sov</translation>
    </message>
    <message>
        <source>in protest</source>
        <translation>i protest</translation>
    </message>
    <message>
        <source>another reason</source>
        <translation>en annen grunn</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Gym</source>
        <translation>Trening</translation>
    </message>
    <message>
        <source>Free time</source>
        <translation>Fritid</translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation>Matlaging</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtale</translation>
    </message>
    <message>
        <source>Religious service</source>
        <translation>Religiøs samling</translation>
    </message>
    <message>
        <source>Health appointment</source>
        <translation>Helsetime</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>took part</source>
        <translation>deltok</translation>
    </message>
    <message>
        <source>said no</source>
        <translation>sa nei</translation>
    </message>
    <message>
        <source>was ill</source>
        <translation>var syk</translation>
    </message>
    <message>
        <source>was not needed</source>
        <translation>var ikke nødvendig</translation>
    </message>
    <message>
        <source>was cancelled</source>
        <translation>ble avlyst</translation>
    </message>
    <message>
        <source>clashed with something else</source>
        <translation>kolliderte med noe annet</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>Positive note</source>
        <translation>Positivt notat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source>Safety note</source>
        <translation>Sikkerhetsnotat</translation>
    </message>
    <message>
        <source>1 meal</source>
        <translation>1 måltid</translation>
    </message>
    <message>
        <source>{n} meals</source>
        <translation>{n} måltider</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 aktivitet</translation>
    </message>
    <message>
        <source>{n} activities</source>
        <translation>{n} aktiviteter</translation>
    </message>
    <message>
        <source>1 conversation</source>
        <translation>1 samtale</translation>
    </message>
    <message>
        <source>{n} conversations</source>
        <translation>{n} samtaler</translation>
    </message>
    <message>
        <source>1 written note</source>
        <translation>1 skrevet notat</translation>
    </message>
    <message>
        <source>{n} written notes</source>
        <translation>{n} skrevne notater</translation>
    </message>
</context>
<context>
    <name>launcher</name>
    <message>
        <source>Officer Desk cannot open the records</source>
        <translation>Officer Desk kan ikke åpne dataene</translation>
    </message>
    <message>
        <source>{message}

Records file: {path}</source>
        <translation>{message}

Datafil: {path}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>You can only see and change {what} of people on your own caseload (or the people you cover). Ask a supervisor if this person should be assigned to you.</source>
        <translation>Du kan bare se og endre {what} for personer i ditt eget kontaktansvar (eller de du er stedfortreder for). Spør en vaktleder om denne personen skal tildeles deg.</translation>
    </message>
    <message>
        <source>an</source>
        <translation>en</translation>
    </message>
    <message>
        <source>a</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Only {value1} {needed} can {what}.</source>
        <translation>Bare {needed} kan {what}.</translation>
    </message>
    <message>
        <source>These records are not encrypted yet. Facility IT: run &apos;officer-desk-admin encrypt --user ADMIN&apos; once to protect them.</source>
        <translation>Disse dataene er ikke kryptert ennå. IT-ansvarlig: kjør «officer-desk-admin encrypt --user ADMIN» én gang for å beskytte dem.</translation>
    </message>
    <message>
        <source>There are no records on this workstation yet. Set it up first (&apos;officer-desk-admin init&apos;, or try it with demo data).</source>
        <translation>Det finnes ingen data på denne arbeidsstasjonen ennå. Sett den opp først («officer-desk-admin init»), eller prøv med demodata.</translation>
    </message>
    <message>
        <source>There are already records on this workstation; nothing was changed.</source>
        <translation>Det finnes allerede data på denne arbeidsstasjonen; ingenting ble endret.</translation>
    </message>
    <message>
        <source>This account has been closed. Ask an admin if you should still have access.</source>
        <translation>Denne kontoen er stengt. Spør en administrator om du fortsatt skal ha tilgang.</translation>
    </message>
    <message>
        <source>These records are not encrypted; passwords cannot be set.</source>
        <translation>Disse dataene er ikke kryptert; passord kan ikke settes.</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>Det nye passordet må være forskjellig fra det gamle.</translation>
    </message>
    <message>
        <source>There is no account called {username}.</source>
        <translation>Det finnes ingen konto som heter {username}.</translation>
    </message>
    <message>
        <source>{username} is the only active admin; make another account admin first.</source>
        <translation>{username} er den eneste aktive administratoren; gjør en annen konto til administrator først.</translation>
    </message>
    <message>
        <source>Role “{role}” is unknown.</source>
        <translation>Rollen «{role}» er ukjent.</translation>
    </message>
    <message>
        <source>You cannot close your own account.</source>
        <translation>Du kan ikke stenge din egen konto.</translation>
    </message>
    <message>
        <source>These records are already encrypted.</source>
        <translation>Disse dataene er allerede kryptert.</translation>
    </message>
    <message>
        <source>{username} is not an active admin in these records.</source>
        <translation>{username} er ikke en aktiv administrator i disse dataene.</translation>
    </message>
    <message>
        <source>The record has no field “{name}” any more.</source>
        <translation>Registreringen har ikke lenger feltet «{name}».</translation>
    </message>
    <message>
        <source>“{decision}” is not a way to decide a conflict.</source>
        <translation>«{decision}» er ikke en måte å avgjøre en konflikt på.</translation>
    </message>
    <message>
        <source>That conflict is not on this workstation.</source>
        <translation>Den konflikten finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>Write the combined value before saving the decision.</source>
        <translation>Skriv den sammenslåtte verdien før du lagrer avgjørelsen.</translation>
    </message>
    <message>
        <source>A field holds one value: choose one of them, or write a combined value.</source>
        <translation>Et felt har én verdi: velg en av dem, eller skriv en sammenslått verdi.</translation>
    </message>
    <message>
        <source>The record this conflict is about is not on this workstation.</source>
        <translation>Registreringen denne konflikten gjelder, finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>Only text can be combined; choose one of the two values.</source>
        <translation>Bare tekst kan slås sammen; velg en av de to verdiene.</translation>
    </message>
    <message>
        <source>A checklist item has one status: choose the status it has now.</source>
        <translation>Et punkt på sjekklisten har én status: velg statusen det har nå.</translation>
    </message>
    <message>
        <source>“{value}” is not a checklist status.</source>
        <translation>«{value}» er ikke en status for sjekklisten.</translation>
    </message>
    <message>
        <source>Choose the status the item really has.</source>
        <translation>Velg statusen punktet faktisk har.</translation>
    </message>
    <message>
        <source>The checklist item is not on this workstation.</source>
        <translation>Sjekklistepunktet finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>What lost here was closed by the sync; keep what stands, and make the change again if it is still wanted.</source>
        <translation>Det som tapte her, ble lukket av synkroniseringen. Behold det som står, og gjør endringen på nytt hvis den fortsatt trengs.</translation>
    </message>
    <message>
        <source>The note revision is not on this workstation.</source>
        <translation>Notatversjonen finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>That rejected change is no longer in the list.</source>
        <translation>Den avviste endringen er ikke lenger i listen.</translation>
    </message>
    <message>
        <source>That person is not registered on this workstation.</source>
        <translation>Den personen er ikke registrert på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>Duration must be between 1 minute and 8 hours.</source>
        <translation>Varigheten må være mellom 1 minutt og 8 timer.</translation>
    </message>
    <message>
        <source>Choose a mood from 1 (very low) to 5 (very good).</source>
        <translation>Velg humør fra 1 (svært dårlig) til 5 (svært godt).</translation>
    </message>
    <message>
        <source>Choose at most {MAX_TOPICS} topics.</source>
        <translation>Velg høyst {MAX_TOPICS} temaer.</translation>
    </message>
    <message>
        <source>A follow-up cannot be due in the past.</source>
        <translation>Et oppfølgingspunkt kan ikke ha frist tilbake i tid.</translation>
    </message>
    <message>
        <source>That follow-up does not exist.</source>
        <translation>Det oppfølgingspunktet finnes ikke.</translation>
    </message>
    <message>
        <source>This follow-up is already done.</source>
        <translation>Dette oppfølgingspunktet er allerede utført.</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of timeline entry.</source>
        <translation>«{kind}» er ikke en type oppføring i tidslinjen.</translation>
    </message>
    <message>
        <source>{value1} cannot be corrected here.</source>
        <translation>{value1} kan ikke rettes her.</translation>
    </message>
    <message>
        <source>Nothing was changed; change a value or cancel.</source>
        <translation>Ingenting ble endret; endre en verdi eller avbryt.</translation>
    </message>
    <message>
        <source>That note does not exist (or was voided already).</source>
        <translation>Notatet finnes ikke (eller er allerede annullert).</translation>
    </message>
    <message>
        <source>That entry does not exist on this workstation.</source>
        <translation>Oppføringen finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>This entry was changed meanwhile (or voided); open the timeline again to see what counts now.</source>
        <translation>Oppføringen ble endret i mellomtiden (eller annullert); åpne tidslinjen igjen for å se hva som gjelder nå.</translation>
    </message>
    <message>
        <source>Duration must be between 1 minute and {hours} hours.</source>
        <translation>Varigheten må være mellom 1 minutt og {hours} timer.</translation>
    </message>
    <message>
        <source>“{value}” is not a choice here.</source>
        <translation>«{value}» er ikke et valg her.</translation>
    </message>
    <message>
        <source>{what} was too long ago to undo; change it instead.</source>
        <translation>{what} er for lenge siden til å angres; endre det i stedet.</translation>
    </message>
    <message>
        <source>This follow-up is open already.</source>
        <translation>Denne oppfølgingen er allerede åpen.</translation>
    </message>
    <message>
        <source>A milestone of this enrolment is signed off; withdraw it instead.</source>
        <translation>En milepæl i denne påmeldingen er kvittert ut; trekk påmeldingen i stedet.</translation>
    </message>
    <message>
        <source>Nothing of this reassignment is left to undo.</source>
        <translation>Ingenting av denne flyttingen er igjen å angre.</translation>
    </message>
    <message>
        <source>The cover must end after it starts; check the dates.</source>
        <translation>Stedfortredingen må slutte etter at den starter; sjekk datoene.</translation>
    </message>
    <message>
        <source>A cover longer than a year is a reassignment; reassign instead.</source>
        <translation>En stedfortreding lenger enn ett år er en omfordeling; omfordel i stedet.</translation>
    </message>
    <message>
        <source>The cover cannot start in the past.</source>
        <translation>Stedfortredingen kan ikke starte tilbake i tid.</translation>
    </message>
    <message>
        <source>Choose two officers of the unit.</source>
        <translation>Velg to betjenter på avdelingen.</translation>
    </message>
    <message>
        <source>An officer cannot cover for themselves.</source>
        <translation>En betjent kan ikke være stedfortreder for seg selv.</translation>
    </message>
    <message>
        <source>{display_name} is no longer active; choose an active officer.</source>
        <translation>{display_name} er ikke lenger aktiv; velg en aktiv betjent.</translation>
    </message>
    <message>
        <source>{display_name} works on another unit; choose an officer of this unit.</source>
        <translation>{display_name} jobber på en annen avdeling; velg en betjent på denne avdelingen.</translation>
    </message>
    <message>
        <source>{display_name} already covers for {absent_display_name} in these dates; end that cover first or choose other dates.</source>
        <translation>{display_name} er allerede stedfortreder for {absent_display_name} i disse datoene; avslutt den stedfortredingen først eller velg andre datoer.</translation>
    </message>
    <message>
        <source>{display_name} has no one to cover on that date.</source>
        <translation>{display_name} har ingen å være stedfortreder for på den datoen.</translation>
    </message>
    <message>
        <source>There is no cover running between these officers.</source>
        <translation>Det er ingen pågående stedfortreding mellom disse betjentene.</translation>
    </message>
    <message>
        <source>required columns missing: {missing}.</source>
        <translation>disse påkrevde kolonnene mangler: {missing}.</translation>
    </message>
    <message>
        <source>required column missing: {missing}.</source>
        <translation>denne påkrevde kolonnen mangler: {missing}.</translation>
    </message>
    <message>
        <source>columns appear twice: {repeated}.</source>
        <translation>disse kolonnene står to ganger: {repeated}.</translation>
    </message>
    <message>
        <source>column appears twice: {repeated}.</source>
        <translation>denne kolonnen står to ganger: {repeated}.</translation>
    </message>
    <message>
        <source>There are already records here, so demo data was not added. Use an empty data folder (--data-dir) for demo data.</source>
        <translation>Det finnes allerede data her, så demodata ble ikke lagt til. Bruk en tom datamappe (--data-dir) til demodata.</translation>
    </message>
    <message>
        <source>This store already has people registered, so demo data was not added. Use an empty data folder (--data-dir) for demo data.</source>
        <translation>Her er det allerede registrert personer, så demodata ble ikke lagt til. Bruk en tom datamappe (--data-dir) til demodata.</translation>
    </message>
    <message>
        <source>The number of people must be between 1 and {MAX_INMATES}.</source>
        <translation>Antall personer må være mellom 1 og {MAX_INMATES}.</translation>
    </message>
    <message>
        <source>The number of years must be between 1 and {MAX_YEARS}.</source>
        <translation>Antall år må være mellom 1 og {MAX_YEARS}.</translation>
    </message>
    <message>
        <source>Demo history cannot end in the future; choose today or earlier.</source>
        <translation>Demohistorikken kan ikke slutte fram i tid; velg i dag eller tidligere.</translation>
    </message>
    <message>
        <source>{doing} {written}: that is one of the store&apos;s own files (the records, their WAL or SHM, or the key file). Nothing was changed; choose a file elsewhere.</source>
        <translation>{doing} {written}: det er en av datafilene her (dataene, WAL- eller SHM-filen deres, eller nøkkelfilen). Ingenting ble endret; velg en fil et annet sted.</translation>
    </message>
    <message>
        <source>{target} already exists; choose another file name, or add --force to replace it.</source>
        <translation>{target} finnes allerede; velg et annet filnavn, eller legg til --force for å erstatte den.</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name for the backup.</source>
        <translation>{target} er en mappe; oppgi et filnavn for sikkerhetskopien.</translation>
    </message>
    <message>
        <source>No admin account has a key on this workstation, so nobody could open the backup. Sign in once as an admin, then try again.</source>
        <translation>Ingen administratorkonto har en nøkkel på denne arbeidsstasjonen, så ingen kunne åpnet sikkerhetskopien. Logg inn én gang som administrator, og prøv igjen.</translation>
    </message>
    <message>
        <source>The shift must end after it starts.</source>
        <translation>Vakten må slutte etter at den starter.</translation>
    </message>
    <message>
        <source>A shift can be at most 24 hours long.</source>
        <translation>En vakt kan være høyst 24 timer lang.</translation>
    </message>
    <message>
        <source>You already have a handover in draft (shift from {value1}). Continue that one or hand it over first.</source>
        <translation>Du har allerede en overlevering som utkast (vakt fra {value1}). Fortsett med den, eller lever den over først.</translation>
    </message>
    <message>
        <source>Choose a status: settled, watch or concern.</source>
        <translation>Velg en status: rolig, følg med eller bekymring.</translation>
    </message>
    <message>
        <source>Choose who owns this action: every action needs an officer responsible.</source>
        <translation>Velg hvem som eier dette tiltaket: hvert tiltak trenger en ansvarlig betjent.</translation>
    </message>
    <message>
        <source>The owner must be an active officer or supervisor of this unit.</source>
        <translation>Ansvarlig må være en aktiv betjent eller vaktleder på denne avdelingen.</translation>
    </message>
    <message>
        <source>The due time is before the shift started ({value1}). Choose a later time.</source>
        <translation>Fristen er før vakten startet ({value1}). Velg et senere tidspunkt.</translation>
    </message>
    <message>
        <source>Choose a kind: count, escorts, appointments, visits or property.</source>
        <translation>Velg en type: telling, fremstillinger, avtaler, besøk eller eiendeler.</translation>
    </message>
    <message>
        <source>That item is no longer in the handover.</source>
        <translation>Det punktet er ikke lenger i overleveringen.</translation>
    </message>
    <message>
        <source>There is nothing to hand over: no people and no unit items.</source>
        <translation>Det er ingenting å overlevere: ingen personer og ingen avdelingspunkter.</translation>
    </message>
    <message>
        <source>{name} was already acknowledged at {value1}.</source>
        <translation>{name} ble allerede bekreftet kl. {value1}.</translation>
    </message>
    <message>
        <source>Your question about {name} has no answer yet. Wait for the outgoing officer&apos;s answer, then acknowledge.</source>
        <translation>Spørsmålet ditt om {name} har ikke fått svar ennå. Vent på svaret fra betjenten som går av, og bekreft deretter.</translation>
    </message>
    <message>
        <source>This person is already acknowledged; ask the outgoing officer in person.</source>
        <translation>Denne personen er allerede bekreftet; spør betjenten som går av, direkte.</translation>
    </message>
    <message>
        <source>Only the officer who handed over can answer questions about it.</source>
        <translation>Bare betjenten som leverte overleveringen, kan svare på spørsmål om den.</translation>
    </message>
    <message>
        <source>There is no question about this person to answer.</source>
        <translation>Det er ikke noe spørsmål om denne personen å svare på.</translation>
    </message>
    <message>
        <source>This question has already been answered.</source>
        <translation>Dette spørsmålet er allerede besvart.</translation>
    </message>
    <message>
        <source>{count} of {value1} people are not acknowledged yet: {names}. Acknowledge each person before signing.</source>
        <translation>{count} av {value1} personer er ikke bekreftet ennå: {names}. Bekreft hver person før du signerer.</translation>
    </message>
    <message>
        <source>Questions still wait for an answer ({names}). Sign when they are answered.</source>
        <translation>Spørsmål venter fortsatt på svar ({names}). Signer når de er besvart.</translation>
    </message>
    <message>
        <source>Your account is not on this workstation.</source>
        <translation>Kontoen din finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>That action is no longer in the handover.</source>
        <translation>Det tiltaket er ikke lenger i overleveringen.</translation>
    </message>
    <message>
        <source>Only the action&apos;s owner, the incoming officer or a supervisor can mark it done.</source>
        <translation>Bare den som eier tiltaket, betjenten som kommer på vakt, eller en vaktleder kan merke det som utført.</translation>
    </message>
    <message>
        <source>This action was already done at {value1}.</source>
        <translation>Dette tiltaket ble allerede utført kl. {value1}.</translation>
    </message>
    <message>
        <source>That handover does not exist on this workstation.</source>
        <translation>Den overleveringen finnes ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>That person is no longer in the handover.</source>
        <translation>Den personen er ikke lenger i overleveringen.</translation>
    </message>
    <message>
        <source>Only an officer or a supervisor can write a shift handover.</source>
        <translation>Bare en betjent eller en vaktleder kan skrive en vaktoverlevering.</translation>
    </message>
    <message>
        <source>This handover belongs to another unit.</source>
        <translation>Denne overleveringen tilhører en annen avdeling.</translation>
    </message>
    <message>
        <source>Only the officer who wrote this handover can change it.</source>
        <translation>Bare betjenten som skrev denne overleveringen, kan endre den.</translation>
    </message>
    <message>
        <source>This handover has been handed over and can no longer be changed. Answer the incoming officer&apos;s questions instead.</source>
        <translation>Denne overleveringen er levert og kan ikke lenger endres. Svar heller på spørsmålene fra betjenten som kommer på vakt.</translation>
    </message>
    <message>
        <source>You wrote this handover: the incoming officer or a supervisor must acknowledge and sign it.</source>
        <translation>Du skrev denne overleveringen: betjenten som kommer på vakt, eller en vaktleder må bekrefte og signere den.</translation>
    </message>
    <message>
        <source>This handover is addressed to another officer; they or a supervisor take it.</source>
        <translation>Denne overleveringen er adressert til en annen betjent; vedkommende eller en vaktleder tar den.</translation>
    </message>
    <message>
        <source>This handover is still a draft: wait until the outgoing officer hands it over.</source>
        <translation>Denne overleveringen er fortsatt et utkast: vent til betjenten som går av, leverer den.</translation>
    </message>
    <message>
        <source>This handover was signed at {value1}.</source>
        <translation>Denne overleveringen ble signert {value1}.</translation>
    </message>
    <message>
        <source>You cannot hand over to yourself: choose the incoming officer or a supervisor.</source>
        <translation>Du kan ikke overlevere til deg selv: velg betjenten som kommer på vakt, eller en vaktleder.</translation>
    </message>
    <message>
        <source>The incoming officer must be an active officer or supervisor of this unit.</source>
        <translation>Betjenten som kommer på vakt, må være en aktiv betjent eller vaktleder på denne avdelingen.</translation>
    </message>
    <message>
        <source>That person is not in this handover.</source>
        <translation>Den personen er ikke i denne overleveringen.</translation>
    </message>
    <message>
        <source>Only a signed-in officer has a home order to keep.</source>
        <translation>Bare en innlogget betjent har en rekkefølge å ta vare på.</translation>
    </message>
    <message>
        <source>An order can hold at most {MAX_PINNED} people.</source>
        <translation>En rekkefølge kan ha høyst {MAX_PINNED} personer.</translation>
    </message>
    <message>
        <source>There is already an Officer Desk store in {data_dir}; &apos;join&apos; is for a new workstation. Use &apos;enroll&apos; on an existing one, or choose an empty --data-dir.</source>
        <translation>Det finnes allerede Officer Desk-data i {data_dir}; «join» er for en ny arbeidsstasjon. Bruk «enroll» på en eksisterende, eller velg en tom --data-dir.</translation>
    </message>
    <message>
        <source>The hub sent no accounts for unit {unit_code}, so nobody could sign in here; nothing was kept. Sync a workstation of the unit that has the accounts first, then ask facility IT for a new code.</source>
        <translation>Serveren sendte ingen kontoer for avdeling {unit_code}, så ingen kunne ha logget inn her; ingenting ble beholdt. Synkroniser først en arbeidsstasjon på avdelingen som har kontoene, og be så IT-ansvarlig om en ny kode.</translation>
    </message>
    <message>
        <source>The journal can be made in English (en) or Norwegian (nb), not “{language}”.</source>
        <translation>Journalen kan lages på engelsk (en) eller norsk (nb), ikke «{language}».</translation>
    </message>
    <message>
        <source>{label} “{value}” is unknown; choose one of {choices}.</source>
        <translation>{label} «{value}» er ukjent; velg en av {choices}.</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>Velg minst én person.</translation>
    </message>
    <message>
        <source>The same person is listed twice.</source>
        <translation>Den samme personen står to ganger.</translation>
    </message>
    <message>
        <source>{count} of the chosen people are not registered here.</source>
        <translation>{count} av de valgte personene er ikke registrert her.</translation>
    </message>
    <message>
        <source>The meal&apos;s day is in the future.</source>
        <translation>Måltidets dag er fram i tid.</translation>
    </message>
    <message>
        <source>A person is listed twice for this meal.</source>
        <translation>En person står oppført to ganger for dette måltidet.</translation>
    </message>
    <message>
        <source>Say why the meal was declined.</source>
        <translation>Skriv hvorfor måltidet ble nektet.</translation>
    </message>
    <message>
        <source>A reason is only given for a declined meal.</source>
        <translation>En grunn oppgis bare for et nektet måltid.</translation>
    </message>
    <message>
        <source>This meal is already logged for this person; correct it instead of logging it again.</source>
        <translation>Dette måltidet er allerede registrert for denne personen; korriger det i stedet for å registrere det på nytt.</translation>
    </message>
    <message>
        <source>This entry was changed meanwhile (or voided); close the meal and open it again to see what counts now.</source>
        <translation>Registreringen er endret i mellomtiden (eller annullert); lukk måltidet og åpne det igjen for å se hva som gjelder nå.</translation>
    </message>
    <message>
        <source>Duration must be between 1 minute and 24 hours.</source>
        <translation>Varigheten må være mellom 1 minutt og 24 timer.</translation>
    </message>
    <message>
        <source>Choose the programme this session belongs to.</source>
        <translation>Velg programmet denne økten hører til.</translation>
    </message>
    <message>
        <source>{missing} of the chosen people are not enrolled in this programme (or are still on its waiting list); enrol them first or log a plain activity.</source>
        <translation>{missing} av de valgte personene er ikke påmeldt dette programmet (eller står fortsatt på venteliste); meld dem på først, eller registrer en vanlig aktivitet.</translation>
    </message>
    <message>
        <source>There is no meal log of yours in this shift to undo.</source>
        <translation>Du har ingen måltidsregistrering i denne vakten å angre.</translation>
    </message>
    <message>
        <source>Note type “{kind}” is unknown; use positive, general, concern or safety.</source>
        <translation>Notattypen «{kind}» er ukjent; bruk positive, general, concern eller safety.</translation>
    </message>
    <message>
        <source>That note does not exist.</source>
        <translation>Det notatet finnes ikke.</translation>
    </message>
    <message>
        <source>Facility {code} already exists.</source>
        <translation>Fengselet {code} finnes allerede.</translation>
    </message>
    <message>
        <source>Unit {code} already exists.</source>
        <translation>Avdelingen {code} finnes allerede.</translation>
    </message>
    <message>
        <source>There is no unit with code {code}. Run &apos;officer-desk-admin init&apos; or check the code.</source>
        <translation>Det finnes ingen avdeling med koden {code}. Kjør «officer-desk-admin init» eller sjekk koden.</translation>
    </message>
    <message>
        <source>This store has no unit yet. Run &apos;officer-desk-admin init&apos; first.</source>
        <translation>Her er det ingen avdeling ennå. Kjør «officer-desk-admin init» først.</translation>
    </message>
    <message>
        <source>This store has several units; name one with --unit.</source>
        <translation>Her er det flere avdelinger; oppgi én med --unit.</translation>
    </message>
    <message>
        <source>Role “{role}” is unknown; use officer, supervisor or admin.</source>
        <translation>Rollen «{role}» er ukjent; bruk officer, supervisor eller admin.</translation>
    </message>
    <message>
        <source>User name {name} is already taken.</source>
        <translation>Brukernavnet {name} er allerede i bruk.</translation>
    </message>
    <message>
        <source>Reason “{reason}” is unknown.</source>
        <translation>Grunnen «{reason}» er ukjent.</translation>
    </message>
    <message>
        <source>That officer does not exist or is no longer active.</source>
        <translation>Den betjenten finnes ikke eller er ikke lenger aktiv.</translation>
    </message>
    <message>
        <source>{full_name} is already assigned to {display_name}.</source>
        <translation>{full_name} er allerede tildelt {display_name}.</translation>
    </message>
    <message>
        <source>The new assignment cannot start before the current one began ({value1}).</source>
        <translation>Den nye tildelingen kan ikke starte før den nåværende begynte ({value1}).</translation>
    </message>
    <message>
        <source>{warning} Confirm to reassign anyway.</source>
        <translation>{warning} Bekreft for å omfordele likevel.</translation>
    </message>
    <message>
        <source>Choose at least one person to reassign.</source>
        <translation>Velg minst én person å omfordele.</translation>
    </message>
    <message>
        <source>Choose the officer the people move to.</source>
        <translation>Velg betjenten personene flyttes til.</translation>
    </message>
    <message>
        <source>{display_name} is an administrator and holds no caseload; choose an officer.</source>
        <translation>{display_name} er administrator og har ikke kontaktansvar; velg en betjent.</translation>
    </message>
    <message>
        <source>{display_name} works on another unit; a move between units is a transfer of the person, not a reassignment.</source>
        <translation>{display_name} jobber på en annen avdeling; flytting mellom avdelinger er en overføring av personen, ikke en omfordeling.</translation>
    </message>
    <message>
        <source>Choose why the people move: release, transfer, workload or relationship (or other, with a note).</source>
        <translation>Velg hvorfor personene flyttes: løslatelse, overføring, arbeidsmengde eller relasjon (eller annet, med et notat).</translation>
    </message>
    <message>
        <source>Say in the note why the people move.</source>
        <translation>Skriv i notatet hvorfor personene flyttes.</translation>
    </message>
    <message>
        <source>A reassignment can be dated at most {REASSIGN_BACKDATE_DAYS} days back.</source>
        <translation>En omfordeling kan tilbakedateres høyst {REASSIGN_BACKDATE_DAYS} dager.</translation>
    </message>
    <message>
        <source>“{severity}” is not a severity; choose high, medium or low.</source>
        <translation>«{severity}» er ikke en alvorlighetsgrad; velg høy, middels eller lav.</translation>
    </message>
    <message>
        <source>Give one severity for each alert.</source>
        <translation>Gi én alvorlighetsgrad for hvert varsel.</translation>
    </message>
    <message>
        <source>The photo must be a PNG or JPEG image.</source>
        <translation>Bildet må være et PNG- eller JPEG-bilde.</translation>
    </message>
    <message>
        <source>The photo is too large ({value1} KB); the limit is {value2} KB.</source>
        <translation>Bildet er for stort ({value1} kB); grensen er {value2} kB.</translation>
    </message>
    <message>
        <source>Category must be vocational or school.</source>
        <translation>Kategorien må være yrkesfag eller skole.</translation>
    </message>
    <message>
        <source>A programme needs at least one milestone.</source>
        <translation>Et program trenger minst ett delmål.</translation>
    </message>
    <message>
        <source>Milestone {n}: expected hours must be 0–2000.</source>
        <translation>Delmål {n}: forventede timer må være 0–2000.</translation>
    </message>
    <message>
        <source>There is already a programme with code {code}.</source>
        <translation>Det finnes allerede et program med koden {code}.</translation>
    </message>
    <message>
        <source>That programme does not exist.</source>
        <translation>Det programmet finnes ikke.</translation>
    </message>
    <message>
        <source>Milestones can be renamed or added, not removed: people may already have them signed off.</source>
        <translation>Delmål kan gis nytt navn eller legges til, men ikke fjernes: noen kan allerede ha fått dem godkjent.</translation>
    </message>
    <message>
        <source>That programme does not exist or is no longer offered.</source>
        <translation>Det programmet finnes ikke eller tilbys ikke lenger.</translation>
    </message>
    <message>
        <source>The enrolment date is in the future.</source>
        <translation>Påmeldingsdatoen er fram i tid.</translation>
    </message>
    <message>
        <source>Already enrolled in {name_en} ({status}).</source>
        <translation>Allerede påmeldt {name_en} ({status}).</translation>
    </message>
    <message>
        <source>Status “{status}” is unknown.</source>
        <translation>Statusen «{status}» er ukjent.</translation>
    </message>
    <message>
        <source>That milestone is not part of this programme.</source>
        <translation>Det delmålet hører ikke til dette programmet.</translation>
    </message>
    <message>
        <source>Milestones are signed off on an active enrolment (this one is {status}).</source>
        <translation>Delmål godkjennes på en aktiv deltakelse (denne er {status}).</translation>
    </message>
    <message>
        <source>This milestone is already signed off.</source>
        <translation>Dette delmålet er allerede godkjent.</translation>
    </message>
    <message>
        <source>The certificate&apos;s date is in the future.</source>
        <translation>Datoen på kursbeviset er fram i tid.</translation>
    </message>
    <message>
        <source>That enrolment does not exist.</source>
        <translation>Den deltakelsen finnes ikke.</translation>
    </message>
    <message>
        <source>This person already has a release plan.</source>
        <translation>Denne personen har allerede en løslatelsesplan.</translation>
    </message>
    <message>
        <source>That plan item does not exist (unknown template item).</source>
        <translation>Det punktet i planen finnes ikke (ukjent malpunkt).</translation>
    </message>
    <message>
        <source>Status “{status}” is unknown; use one of {choices}.</source>
        <translation>Statusen «{status}» er ukjent; bruk en av {choices}.</translation>
    </message>
    <message>
        <source>Say what confirms this (e.g. the letter or the contact).</source>
        <translation>Skriv hva som bekrefter dette (f.eks. brevet eller kontakten).</translation>
    </message>
    <message>
        <source>This item is disputed: two officers set different statuses while apart. A supervisor decides it under Unit → Sync conflicts; its owner and evidence can still be saved.</source>
        <translation>Dette punktet er omstridt: to betjenter satte ulik status uten forbindelse. En vaktleder avgjør det under Avdeling → Synkroniseringskonflikter; ansvarlig og dokumentasjon kan fortsatt lagres.</translation>
    </message>
    <message>
        <source>An item becomes disputed only when two officers set different statuses while apart; choose the status it has.</source>
        <translation>Et punkt blir omstridt bare når to betjenter setter ulik status uten forbindelse; velg statusen det har.</translation>
    </message>
    <message>
        <source>A referral is only sent with the person&apos;s consent; record their consent first.</source>
        <translation>En henvisning sendes bare med personens samtykke; registrer samtykket først.</translation>
    </message>
    <message>
        <source>The referral&apos;s date is in the future.</source>
        <translation>Datoen for henvisningen er fram i tid.</translation>
    </message>
    <message>
        <source>This person has no release plan yet.</source>
        <translation>Denne personen har ingen løslatelsesplan ennå.</translation>
    </message>
    <message>
        <source>Release sign-off is for the contact officer and a supervisor.</source>
        <translation>Godkjenning av løslatelsen gjøres av kontaktbetjenten og en vaktleder.</translation>
    </message>
    <message>
        <source>The {role} has already signed this release off.</source>
        <translation>Løslatelsen er allerede godkjent av {role}.</translation>
    </message>
    <message>
        <source>Records can be kept for {low} to {high} years after release; “{years}” is not a whole number in that range.</source>
        <translation>Data kan oppbevares fra {low} til {high} år etter løslatelse; «{years}» er ikke et helt tall i det området.</translation>
    </message>
    <message>
        <source>{label}: “{value}” is not a whole number.</source>
        <translation>{label}: «{value}» er ikke et helt tall.</translation>
    </message>
    <message>
        <source>{label} must be between {minimum} and {maximum} {unit}.</source>
        <translation>{label} må være mellom {minimum} og {maximum} {unit}.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {MIN_LENGTH} characters. A few words together are easy to remember and hard to guess.</source>
        <translation>Passordet er for kort: bruk minst {MIN_LENGTH} tegn. Noen ord sammen er lette å huske og vanskelige å gjette.</translation>
    </message>
    <message>
        <source>The password is too long (over {MAX_LENGTH} characters).</source>
        <translation>Passordet er for langt (over {MAX_LENGTH} tegn).</translation>
    </message>
    <message>
        <source>That password is among the first ones attackers try. Choose another.</source>
        <translation>Det passordet er blant de første angripere prøver. Velg et annet.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>Passordet kan ikke inneholde brukernavnet.</translation>
    </message>
    <message>
        <source>The password repeats too few different characters.</source>
        <translation>Passordet har for få forskjellige tegn.</translation>
    </message>
    <message>
        <source>An enrolment that is {value} cannot become {new_value}. Allowed next: {allowed}.</source>
        <translation>En deltakelse som er {value}, kan ikke bli {new_value}. Tillatt videre: {allowed}.</translation>
    </message>
    <message>
        <source>Give a reason for marking the enrolment {value}.</source>
        <translation>Oppgi en begrunnelse for å sette deltakelsen til {value}.</translation>
    </message>
    <message>
        <source>The release date is in the past; enter the date the person is due to leave.</source>
        <translation>Løslatelsesdatoen er passert; skriv inn datoen personen skal løslates.</translation>
    </message>
    <message>
        <source>The release date is more than 30 years away; check the year.</source>
        <translation>Løslatelsesdatoen er mer enn 30 år fram i tid; sjekk årstallet.</translation>
    </message>
    <message>
        <source>Release sign-off is blocked: two officers disagree on a checklist item. A supervisor must decide it first.</source>
        <translation>Godkjenning av løslatelsen er sperret: to betjenter er uenige om et punkt på sjekklisten. En vaktleder må avgjøre det først.</translation>
    </message>
    <message>
        <source>Only a supervisor can override the release gate.</source>
        <translation>Bare en vaktleder kan overstyre minstekravet for løslatelse.</translation>
    </message>
    <message>
        <source>Write a reason of at least a full sentence for the override.</source>
        <translation>Skriv en begrunnelse på minst en hel setning for overstyringen.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} må fylles ut.</translation>
    </message>
    <message>
        <source>{label} is too long ({count} characters); shorten it to {limit} or fewer.</source>
        <translation>{label} er for lang ({count} tegn); kort den ned til {limit} eller færre.</translation>
    </message>
    <message>
        <source>Prison number “{text}” is not valid: use letters, digits, &apos;-&apos; or &apos;/&apos; only.</source>
        <translation>Innsattnummeret «{text}» er ikke gyldig: bruk bare bokstaver, sifre, «-» eller «/».</translation>
    </message>
    <message>
        <source>{label} is in the future; enter a time that has already happened.</source>
        <translation>{label} er fram i tid; skriv inn et tidspunkt som har vært.</translation>
    </message>
    <message>
        <source>Date of birth is in the future.</source>
        <translation>Fødselsdatoen er fram i tid.</translation>
    </message>
    <message>
        <source>Date of birth makes this person younger than {MIN_AGE_YEARS}; check the year.</source>
        <translation>Fødselsdatoen gjør personen yngre enn {MIN_AGE_YEARS}; sjekk årstallet.</translation>
    </message>
    <message>
        <source>Arrival date is in the future.</source>
        <translation>Ankomstdatoen er fram i tid.</translation>
    </message>
    <message>
        <source>Expected release is before the arrival date; check both dates.</source>
        <translation>Forventet løslatelse er før ankomstdatoen; sjekk begge datoene.</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>{label} «{value}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. 2026-03-01.</translation>
    </message>
    <message>
        <source>The PDF could not be written to {parent}. Check that the folder exists and that you may save files there, then try again.</source>
        <translation>PDF-filen kunne ikke skrives til {parent}. Sjekk at mappen finnes og at du kan lagre filer der, og prøv igjen.</translation>
    </message>
    <message>
        <source>The printer could not be used. Check that it is on and connected, then try again, or save the document as a PDF.</source>
        <translation>Skriveren kunne ikke brukes. Sjekk at den er slått på og koblet til, og prøv igjen, eller lagre dokumentet som PDF.</translation>
    </message>
    <message>
        <source>These records are not encrypted yet, but a key file exists beside them: an encryption was interrupted. Nothing was lost. Facility IT: run &apos;officer-desk-admin encrypt --user ADMIN&apos; again to finish it.</source>
        <translation>Disse dataene er ikke kryptert ennå, men det finnes en nøkkelfil ved siden av dem: en kryptering ble avbrutt. Ingenting gikk tapt. IT-ansvarlig: kjør «officer-desk-admin encrypt --user ADMIN» på nytt for å fullføre.</translation>
    </message>
    <message>
        <source>The key for these records does not open them: the key file beside the store belongs to another store, or the store was replaced. Nothing was changed. Ask facility IT to restore the matching pair from a backup.</source>
        <translation>Nøkkelen til disse dataene åpner dem ikke: nøkkelfilen ved siden av hører til andre data, eller dataene er byttet ut. Ingenting ble endret. Be IT-ansvarlig gjenopprette paret som hører sammen, fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved; everything saved before it is safe. Free some space on this workstation (or ask facility IT), then save again.</source>
        <translation>Disken er full, så den siste endringen ble ikke lagret; alt som ble lagret før den, er trygt. Frigjør plass på denne arbeidsstasjonen (eller spør IT-ansvarlig), og lagre på nytt.</translation>
    </message>
    <message>
        <source>The records are busy in another window or program on this workstation. Close the other Officer Desk window (or wait a moment) and try again.</source>
        <translation>Dataene er i bruk i et annet vindu eller program på denne arbeidsstasjonen. Lukk det andre Officer Desk-vinduet (eller vent litt) og prøv igjen.</translation>
    </message>
    <message>
        <source>The records file is damaged or is not an Officer Desk store. Nothing more was written. Ask facility IT to restore the latest backup (officer-desk-admin backup).</source>
        <translation>Datafilen er skadet eller er ikke data fra Officer Desk. Ingenting mer ble skrevet. Be IT-ansvarlig gjenopprette den siste sikkerhetskopien (officer-desk-admin backup).</translation>
    </message>
    <message>
        <source>The records file cannot be opened or written (permissions, a missing folder or a failing disk). Ask facility IT to check the data folder.</source>
        <translation>Datafilen kan ikke åpnes eller skrives (tilganger, en mappe som mangler eller en disk som svikter). Be IT-ansvarlig sjekke datamappen.</translation>
    </message>
    <message>
        <source>Only an officer or a supervisor can look for people.</source>
        <translation>Bare en betjent eller en vaktleder kan søke etter personer.</translation>
    </message>
    <message>
        <source>The sign-in key of this account is damaged on this workstation, so it cannot be used. Sign in with another account, or ask an admin to reset this account&apos;s password.</source>
        <translation>Innloggingsnøkkelen til denne kontoen er skadet på denne arbeidsstasjonen og kan ikke brukes. Logg inn med en annen konto, eller be en administrator tilbakestille passordet til denne kontoen.</translation>
    </message>
    <message>
        <source>These records were written by a newer version of Officer Desk (schema {current}; this is version {version}). Nothing was changed. Install the newer version on this workstation to open them.</source>
        <translation>Disse dataene er skrevet av en nyere versjon av Officer Desk (skjema {current}; dette er versjon {version}). Ingenting ble endret. Installer den nyere versjonen på denne arbeidsstasjonen for å åpne dem.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not understood ({error}).</source>
        <translation>Svaret fra serveren er ikke forståelig ({error}).</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not understood (record {entity_id}).</source>
        <translation>Svaret fra serveren er ikke forståelig (registrering {entity_id}).</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hub.</source>
        <translation>Denne arbeidsstasjonen er ikke registrert hos en server.</translation>
    </message>
    <message>
        <source>The hub does not know this workstation; enrol it again.</source>
        <translation>Serveren kjenner ikke denne arbeidsstasjonen; registrer den på nytt.</translation>
    </message>
    <message>
        <source>The hub had a problem answering; changes are kept and sent later.</source>
        <translation>Serveren fikk et problem med å svare; endringene beholdes og sendes senere.</translation>
    </message>
    <message>
        <source>The hub refused the request ({status}).</source>
        <translation>Serveren avviste forespørselen ({status}).</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not understood (a bad snapshot cursor).</source>
        <translation>Svaret fra serveren er ikke forståelig (en ugyldig posisjon i øyeblikksbildet).</translation>
    </message>
    <message>
        <source>Records of kind “{kind}” are not kept on this workstation.</source>
        <translation>Registreringer av typen «{kind}» lagres ikke på denne arbeidsstasjonen.</translation>
    </message>
    <message>
        <source>This conflict was already decided by {who} on {at}; reload the list.</source>
        <translation>Denne konflikten er allerede avgjort av {who} {at}; last inn listen på nytt.</translation>
    </message>
    <message>
        <source>This conflict was already decided on {at}; reload the list.</source>
        <translation>Denne konflikten er allerede avgjort {at}; last inn listen på nytt.</translation>
    </message>
    <message>
        <source>A question about this person was already asked and answered. One question per person: talk to the outgoing officer for more.</source>
        <translation>Det er allerede stilt et spørsmål om denne personen, og det er besvart. Ett spørsmål per person: snakk med betjenten som går av for mer.</translation>
    </message>
    <message>
        <source>A question about this person was already asked and waits for its answer. One question per person: talk to the outgoing officer for more.</source>
        <translation>Det er allerede stilt et spørsmål om denne personen, og det venter på svar. Ett spørsmål per person: snakk med betjenten som går av for mer.</translation>
    </message>
    <message>
        <source>Prison number already registered: {numbers}.</source>
        <translation>Innsattnummeret er allerede registrert: {numbers}.</translation>
    </message>
    <message>
        <source>Prison numbers already registered: {numbers}.</source>
        <translation>Innsattnumrene er allerede registrert: {numbers}.</translation>
    </message>
    <message>
        <source>Release sign-off is blocked: the plan still lacks {missing}. A supervisor can override with a written reason.</source>
        <translation>Godkjenning av løslatelsen er sperret: planen mangler fortsatt {missing}. En vaktleder kan overstyre med en skriftlig begrunnelse.</translation>
    </message>
    <message>
        <source>The user name or password is not right. {attempts_left} more attempts before the account is locked for a while.</source>
        <translation>Brukernavnet eller passordet er feil. {attempts_left} forsøk til før kontoen låses en stund.</translation>
    </message>
    <message>
        <source>The user name or password is not right. One more attempt before the account is locked for a while.</source>
        <translation>Brukernavnet eller passordet er feil. Ett forsøk til før kontoen låses en stund.</translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation>Brukernavnet eller passordet er feil.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again in about a minute, or ask a supervisor or admin to reset the password.</source>
        <translation>Denne kontoen er låst etter for mange feil passord. Prøv igjen om omtrent ett minutt, eller be en vaktleder eller administrator tilbakestille passordet.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again in about {minutes} minutes, or ask a supervisor or admin to reset the password.</source>
        <translation>Denne kontoen er låst etter for mange feil passord. Prøv igjen om omtrent {minutes} minutter, eller be en vaktleder eller administrator tilbakestille passordet.</translation>
    </message>
    <message>
        <source>The hub is busy; changes are kept and sent at the next sync.</source>
        <translation>Serveren er opptatt; endringene er tatt vare på og sendes ved neste synkronisering.</translation>
    </message>
    <message>
        <source>The hub cannot be reached (no network, or the hub is down). Work goes on here; changes are kept and sent when the hub is back.</source>
        <translation>Serveren kan ikke nås (ikke nett, eller serveren er nede). Arbeidet fortsetter her; endringene beholdes og sendes når serveren er tilbake.</translation>
    </message>
    <message>
        <source>Only a supervisor of this unit can see the unit overview.</source>
        <translation>Bare en vaktleder på denne avdelingen kan se avdelingsoversikten.</translation>
    </message>
    <message>
        <source>The roster was not imported (nothing was saved). Fix 1 problem and import it again:
{lines}</source>
        <translation>Innsattlisten ble ikke importert (ingenting ble lagret). Rett 1 feil og importer den på nytt:
{lines}</translation>
    </message>
    <message>
        <source>The roster was not imported (nothing was saved). Fix {count} problems and import it again:
{lines}</source>
        <translation>Innsattlisten ble ikke importert (ingenting ble lagret). Rett {count} feil og importer den på nytt:
{lines}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (found byte {byte}). Open it in your spreadsheet program and save it as UTF-8 (in Excel: “CSV UTF-8 (comma delimited)”), then import it again.</source>
        <translation>filen er ikke UTF-8-tekst (fant byte {byte}). Åpne den i regnearkprogrammet og lagre den som UTF-8 (i Excel: «CSV UTF-8 (kommadelt)»), og importer den på nytt.</translation>
    </message>
    <message>
        <source>the columns are separated by semicolons; save the file with commas between columns (in Excel: “CSV UTF-8 (comma delimited)”).</source>
        <translation>kolonnene er skilt med semikolon; lagre filen med komma mellom kolonnene (i Excel: «CSV UTF-8 (kommadelt)»).</translation>
    </message>
    <message>
        <source>unknown column {unknown_names}; the columns are: {columns}.</source>
        <translation>ukjent kolonne {unknown_names}; kolonnene er: {columns}.</translation>
    </message>
    <message>
        <source>unknown columns {unknown_names}; the columns are: {columns}.</source>
        <translation>ukjente kolonner {unknown_names}; kolonnene er: {columns}.</translation>
    </message>
    <message>
        <source>the file is empty; it needs a header line and one line per person.</source>
        <translation>filen er tom; den trenger en overskriftslinje og én linje per person.</translation>
    </message>
    <message>
        <source>{found} values but the header has {expected} columns (a missing or extra comma, or a comma inside a value without quotes).</source>
        <translation>{found} verdier, men overskriften har {expected} kolonner (et manglende eller ekstra komma, eller et komma i en verdi uten anførselstegn).</translation>
    </message>
    <message>
        <source>prison number {number} is also on line {earlier}.</source>
        <translation>innsattnummer {number} står også på linje {earlier}.</translation>
    </message>
    <message>
        <source>the file has a header but no people.</source>
        <translation>filen har en overskrift, men ingen personer.</translation>
    </message>
    <message>
        <source>prison number {number} is already registered.</source>
        <translation>innsattnummer {number} er allerede registrert.</translation>
    </message>
    <message>
        <source>there is no active officer with user name “{username}” (add the account first with officer-desk-admin add-officer).</source>
        <translation>det finnes ingen aktiv betjent med brukernavnet «{username}» (opprett kontoen først).</translation>
    </message>
    <message>
        <source>The roster file {path} cannot be read ({reason}).</source>
        <translation>Innsattlistefilen {path} kan ikke leses ({reason}).</translation>
    </message>
    <message>
        <source>This officer now has {count} people; the unit works with at most {limit} per contact officer. Consider reassigning someone.</source>
        <translation>Denne betjenten har nå {count} personer; enheten arbeider med høyst {limit} per kontaktbetjent. Vurder å flytte noen til en annen.</translation>
    </message>
    <message>
        <source>A language</source>
        <translation>Et språk</translation>
    </message>
    <message>
        <source>A reason for the undo</source>
        <translation>En grunn for angringen</translation>
    </message>
    <message>
        <source>A topic</source>
        <translation>Et tema</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instans</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Varsel</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergier</translation>
    </message>
    <message>
        <source>An alert</source>
        <translation>Et varsel</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Ankomstdato</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Celle</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Kursbevis</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Kosthold</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>Engelsk navn</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Dokumentasjon</translation>
    </message>
    <message>
        <source>Expected release date</source>
        <translation>Forventet løslatelsesdato</translation>
    </message>
    <message>
        <source>Facility code</source>
        <translation>Fengselskode</translation>
    </message>
    <message>
        <source>Facility name</source>
        <translation>Fengselets navn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullt navn</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Utsteder</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Marking it done</source>
        <translation>Å merke den som gjort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Norwegian name</source>
        <translation>Norsk navn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Foretrukket navn</translation>
    </message>
    <message>
        <source>Prison number</source>
        <translation>Innsattnummer</translation>
    </message>
    <message>
        <source>Programme code</source>
        <translation>Programkode</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>Tiltaket</translation>
    </message>
    <message>
        <source>The amended note</source>
        <translation>Det rettede notatet</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Svaret</translation>
    </message>
    <message>
        <source>The backup cannot be written to</source>
        <translation>Sikkerhetskopien kan ikke skrives til</translation>
    </message>
    <message>
        <source>The combined value</source>
        <translation>Den sammenslåtte verdien</translation>
    </message>
    <message>
        <source>The conversation&apos;s time</source>
        <translation>Samtaletidspunktet</translation>
    </message>
    <message>
        <source>The enrolment</source>
        <translation>Påmeldingen</translation>
    </message>
    <message>
        <source>The follow-up</source>
        <translation>Oppfølgingspunktet</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Notatet</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>Spørsmålet</translation>
    </message>
    <message>
        <source>The shift&apos;s start</source>
        <translation>Vaktens start</translation>
    </message>
    <message>
        <source>The start time</source>
        <translation>Starttidspunktet</translation>
    </message>
    <message>
        <source>The unit item</source>
        <translation>Avdelingspunktet</translation>
    </message>
    <message>
        <source>The “if”</source>
        <translation>«Hvis»</translation>
    </message>
    <message>
        <source>The “then”</source>
        <translation>«Så»</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Avdelingskode</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Avdelingens navn</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>What you hand over</source>
        <translation>Det du overleverer</translation>
    </message>
    <message>
        <source>a confirmed place to live</source>
        <translation>et bekreftet sted å bo</translation>
    </message>
    <message>
        <source>a confirmed place to live and a confirmed school place or job</source>
        <translation>et bekreftet sted å bo og en bekreftet skoleplass eller jobb</translation>
    </message>
    <message>
        <source>a confirmed school place or job</source>
        <translation>en bekreftet skoleplass eller jobb</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>aktiviteter</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>en administrator</translation>
    </message>
    <message>
        <source>arrange cover</source>
        <translation>ordne stedfortreder</translation>
    </message>
    <message>
        <source>assign people to officers</source>
        <translation>tildele personer til betjenter</translation>
    </message>
    <message>
        <source>change roles</source>
        <translation>endre roller</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>endre innstillinger</translation>
    </message>
    <message>
        <source>change the store&apos;s key</source>
        <translation>bytte nøkkelen til dataene</translation>
    </message>
    <message>
        <source>clear rejected changes</source>
        <translation>fjerne avviste endringer</translation>
    </message>
    <message>
        <source>close accounts</source>
        <translation>stenge kontoer</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>fullført</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>samtaler</translation>
    </message>
    <message>
        <source>create accounts</source>
        <translation>opprette kontoer</translation>
    </message>
    <message>
        <source>decide sync conflicts</source>
        <translation>avgjøre synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>utskrevet</translation>
    </message>
    <message>
        <source>edit the programme catalogue</source>
        <translation>redigere programkatalogen</translation>
    </message>
    <message>
        <source>end cover</source>
        <translation>avslutte stedfortreding</translation>
    </message>
    <message>
        <source>export records</source>
        <translation>eksportere data</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>oppfølgingspunkter</translation>
    </message>
    <message>
        <source>join this workstation to a hub</source>
        <translation>koble denne arbeidsstasjonen til en server</translation>
    </message>
    <message>
        <source>meals</source>
        <translation>måltider</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notater</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>en betjent</translation>
    </message>
    <message>
        <source>officer or admin</source>
        <translation>en betjent eller en administrator</translation>
    </message>
    <message>
        <source>officer or supervisor</source>
        <translation>en betjent eller en vaktleder</translation>
    </message>
    <message>
        <source>officer or supervisor or admin</source>
        <translation>en betjent, en vaktleder eller en administrator</translation>
    </message>
    <message>
        <source>profiles</source>
        <translation>profiler</translation>
    </message>
    <message>
        <source>programmes</source>
        <translation>programmer</translation>
    </message>
    <message>
        <source>reassign people</source>
        <translation>omfordele personer</translation>
    </message>
    <message>
        <source>records</source>
        <translation>data</translation>
    </message>
    <message>
        <source>register people on the unit</source>
        <translation>registrere personer på avdelingen</translation>
    </message>
    <message>
        <source>release plans</source>
        <translation>løslatelsesplaner</translation>
    </message>
    <message>
        <source>remove old records</source>
        <translation>slette gamle data</translation>
    </message>
    <message>
        <source>reset passwords</source>
        <translation>tilbakestille passord</translation>
    </message>
    <message>
        <source>review sync conflicts</source>
        <translation>gå gjennom synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>see whose records are due</source>
        <translation>se hvem sine data som skal slettes</translation>
    </message>
    <message>
        <source>set up a facility</source>
        <translation>sette opp et fengsel</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>en vaktleder</translation>
    </message>
    <message>
        <source>supervisor or admin</source>
        <translation>en vaktleder eller en administrator</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>stanset</translation>
    </message>
    <message>
        <source>take backups</source>
        <translation>ta sikkerhetskopier</translation>
    </message>
    <message>
        <source>the journal</source>
        <translation>journalen</translation>
    </message>
    <message>
        <source>undo a reassignment</source>
        <translation>angre en flytting</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>på venteliste</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket</translation>
    </message>
</context>
<context>
    <name>photo</name>
    <message>
        <source>That picture could not be made small enough.</source>
        <translation>Det bildet kunne ikke gjøres lite nok.</translation>
    </message>
    <message>
        <source>That file is not a picture; choose a PNG or JPEG photo.</source>
        <translation>Den filen er ikke et bilde; velg et PNG- eller JPEG-bilde.</translation>
    </message>
    <message>
        <source>That file is not a picture that can be read; choose a PNG or JPEG photo.</source>
        <translation>Den filen er ikke et bilde som kan leses; velg et PNG- eller JPEG-bilde.</translation>
    </message>
    <message>
        <source>That file cannot be read.</source>
        <translation>Den filen kan ikke leses.</translation>
    </message>
    <message>
        <source>That file is too large for a photo ({mb} MB); choose one under {limit} MB.</source>
        <translation>Den filen er for stor til et bilde ({mb} MB); velg et under {limit} MB.</translation>
    </message>
    <message>
        <source>That picture is too large ({w}×{h} pixels); choose a smaller photo.</source>
        <translation>Det bildet er for stort ({w}×{h} piksler); velg et mindre bilde.</translation>
    </message>
</context>
<context>
    <name>programmes</name>
    <message>
        <source>Waiting list</source>
        <translation>Venteliste</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Stanset</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fullført</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Utskrevet</translation>
    </message>
    <message>
        <source>Vocational</source>
        <translation>Yrkesfag</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
</context>
<context>
    <name>release</name>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Support declined</source>
        <translation>Støtte avslått</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Ikke nødvendig</translation>
    </message>
    <message>
        <source>Disputed: a supervisor decides</source>
        <translation>Omstridt: en vaktleder avgjør</translation>
    </message>
    <message>
        <source>Ready: a place to live and a school place or job are confirmed.</source>
        <translation>Klar: et sted å bo og skoleplass eller arbeid er bekreftet.</translation>
    </message>
    <message>
        <source>a confirmed place to live</source>
        <translation>et bekreftet sted å bo</translation>
    </message>
    <message>
        <source>a confirmed school place or job</source>
        <translation>en bekreftet skoleplass eller jobb</translation>
    </message>
    <message>
        <source> and </source>
        <translation> og </translation>
    </message>
    <message>
        <source>Missing: {what}</source>
        <translation>Mangler: {what}</translation>
    </message>
    <message>
        <source>Contact officer</source>
        <translation>Kontaktbetjent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Vaktleder</translation>
    </message>
</context>
<context>
    <name>release plan report</name>
    <message>
        <source>Your release plan</source>
        <translation>Løslatelsesplanen din</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>Laget {date}</translation>
    </message>
    <message>
        <source>You are due to be released on &lt;b&gt;{date}&lt;/b&gt;.</source>
        <translation>Du skal etter planen løslates &lt;b&gt;{date}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>That date has passed.</source>
        <translation>Den datoen har passert.</translation>
    </message>
    <message>
        <source>{done} of {total} things in your plan are done.</source>
        <translation>{done} av {total} ting i planen din er gjort.</translation>
    </message>
    <message>
        <source>Two things must be in place before you leave</source>
        <translation>To ting må være på plass før du går ut</translation>
    </message>
    <message>
        <source>Nobody should leave prison without &lt;b&gt;a place to live&lt;/b&gt; and &lt;b&gt;a school place or a job&lt;/b&gt;. Your contact officer works on these with you first.</source>
        <translation>Ingen skal løslates uten &lt;b&gt;et sted å bo&lt;/b&gt; og &lt;b&gt;en skoleplass eller en jobb&lt;/b&gt;. Kontaktbetjenten din jobber med dette sammen med deg først.</translation>
    </message>
    <message>
        <source>Both are in place. Well done.</source>
        <translation>Begge er på plass. Bra jobbet.</translation>
    </message>
    <message>
        <source>Still missing: {what}.</source>
        <translation>Dette mangler fortsatt: {what}.</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>Dette gjenstår</translation>
    </message>
    <message>
        <source>Nothing is left open. Everything in your plan is done or not needed.</source>
        <translation>Ingenting står igjen. Alt i planen er gjort eller ikke nødvendig.</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>innen {date}</translation>
    </message>
    <message>
        <source>late: it was due {date}</source>
        <translation>forsinket: fristen var {date}</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>snart</translation>
    </message>
    <message>
        <source>{who} is working on this.</source>
        <translation>{who} jobber med dette.</translation>
    </message>
    <message>
        <source>Sent to {agency} on {date}, with your consent.</source>
        <translation>Sendt til {agency} {date}, med ditt samtykke.</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>Svar: {answer}</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Ikke svar ennå.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gjort</translation>
    </message>
    <message>
        <source>Nothing is marked as done yet.</source>
        <translation>Ingenting er merket som gjort ennå.</translation>
    </message>
    <message>
        <source>Who to contact</source>
        <translation>Hvem du kan spørre</translation>
    </message>
    <message>
        <source>Your contact officer, &lt;b&gt;{name}&lt;/b&gt;, can answer questions about everything in this plan.</source>
        <translation>Kontaktbetjenten din, &lt;b&gt;{name}&lt;/b&gt;, kan svare på spørsmål om alt i denne planen.</translation>
    </message>
    <message>
        <source>Your contact officer can answer questions about everything in this plan.</source>
        <translation>Kontaktbetjenten din kan svare på spørsmål om alt i denne planen.</translation>
    </message>
    <message>
        <source>Others working on your plan: {names}.</source>
        <translation>Andre som jobber med planen din: {names}.</translation>
    </message>
    <message>
        <source>Services you have been referred to: {names}.</source>
        <translation>Tjenester du er henvist til: {names}.</translation>
    </message>
    <message>
        <source>If something is wrong, or your plans change, tell your contact officer. If your release date moves, the dates in this plan move with it, and you get a new copy.</source>
        <translation>Hvis noe er feil, eller planene dine endrer seg, si fra til kontaktbetjenten din. Hvis løslatelsesdatoen flyttes, flyttes datoene i planen også, og du får en ny kopi.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} av {pages}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> og </translation>
    </message>
    <message>
        <source>That is today.</source>
        <translation>Det er i dag.</translation>
    </message>
    <message>
        <source>That is tomorrow.</source>
        <translation>Det er i morgen.</translation>
    </message>
    <message>
        <source>That is in {n} days.</source>
        <translation>Det er om {n} dager.</translation>
    </message>
    <message>
        <source>a confirmed place to live</source>
        <translation>et bekreftet sted å bo</translation>
    </message>
    <message>
        <source>a confirmed school place or job</source>
        <translation>en bekreftet skoleplass eller jobb</translation>
    </message>
    <message>
        <source>A place to live: confirmed.</source>
        <translation>Et sted å bo: bekreftet.</translation>
    </message>
    <message>
        <source>A school place or a job: confirmed.</source>
        <translation>En skoleplass eller jobb: bekreftet.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ikke startet</translation>
    </message>
    <message>
        <source>started</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gjort</translation>
    </message>
    <message>
        <source>you said no thanks to help</source>
        <translation>du takket nei til hjelp</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>ikke nødvendig</translation>
    </message>
</context>
<context>
    <name>report dates</name>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>august</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>desember</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Helse</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Løslatelsesplan</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Trivsel</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Breakfast</source>
        <translation>Frokost</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Middag</translation>
    </message>
    <message>
        <source>Evening meal</source>
        <translation>Kveldsmat</translation>
    </message>
    <message>
        <source>Ate</source>
        <translation>Spiste</translation>
    </message>
    <message>
        <source>Ate some</source>
        <translation>Spiste litt</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Nektet</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Borte</translation>
    </message>
    <message>
        <source>Not hungry</source>
        <translation>Ikke sulten</translation>
    </message>
    <message>
        <source>Religion or diet</source>
        <translation>Religion eller kosthold</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medisinsk</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Sov</translation>
    </message>
    <message>
        <source>Protest</source>
        <translation>Protest</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annen grunn</translation>
    </message>
    <message>
        <source>Work / workshop</source>
        <translation>Arbeid / verksted</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Gym and sport</source>
        <translation>Trening og idrett</translation>
    </message>
    <message>
        <source>Recreation / common room</source>
        <translation>Fritid / fellesrom</translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation>Matlaging</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtale</translation>
    </message>
    <message>
        <source>Religious service</source>
        <translation>Gudstjeneste / religiøs samling</translation>
    </message>
    <message>
        <source>Health appointment</source>
        <translation>Helsetime</translation>
    </message>
    <message>
        <source>Programme session</source>
        <translation>Programøkt</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Møtte</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Syk</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Ikke påkrevd</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avlyst</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>Kolliderte med annet</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Strength / progress</source>
        <translation>Mestring / fremgang</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sikkerhet</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Svært dårlig</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Dårlig</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Greit</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bra</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Svært bra</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} dager</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>1 person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personer</translation>
    </message>
</context>
</TS>
