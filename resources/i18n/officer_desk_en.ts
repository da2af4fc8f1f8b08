<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SignHandoverDialog</name>
    <message numerus="yes">
        <source>You sign the handover of {unit} from {outgoing}, for the shift {start} to {end}: %n person(s) ({acknowledged} acknowledged), {actions}, {contingencies}.</source>
        <translation>
            <numerusform>You sign the handover of {unit} from {outgoing}, for the shift {start} to {end}: %n person ({acknowledged} acknowledged), {actions}, {contingencies}.</numerusform>
            <numerusform>You sign the handover of {unit} from {outgoing}, for the shift {start} to {end}: %n people ({acknowledged} acknowledged), {actions}, {contingencies}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contingency plan(s)</source>
        <translation>
            <numerusform>%n contingency plan</numerusform>
            <numerusform>%n contingency plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoMealDialog</name>
    <message numerus="yes">
        <source>Your last meal log in this shift: {meal} on {day}, saved at {time} for %n person(s). It is marked as a mistake and stays in the history with your reason.</source>
        <translation>
            <numerusform>Your last meal log in this shift: {meal} on {day}, saved at {time} for %n person. It is marked as a mistake and stays in the history with your reason.</numerusform>
            <numerusform>Your last meal log in this shift: {meal} on {day}, saved at {time} for %n people. It is marked as a mistake and stays in the history with your reason.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>handover draft</name>
    <message numerus="yes">
        <source>%n sensitive note(s): read on the person&apos;s page.</source>
        <translation>
            <numerusform>%n sensitive note: read it on the person&apos;s page.</numerusform>
            <numerusform>%n sensitive notes: read them on the person&apos;s page.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refusal streak: %n meal(s) declined in a row.</source>
        <translation>
            <numerusform>Refusal streak: %n meal declined in a row.</numerusform>
            <numerusform>Refusal streak: %n meals declined in a row.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n concern or safety note(s) in the last two weeks.</source>
        <translation>
            <numerusform>%n concern or safety note in the last two weeks.</numerusform>
            <numerusform>%n concern or safety notes in the last two weeks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) overdue.</source>
        <translation>
            <numerusform>%n follow-up overdue.</numerusform>
            <numerusform>%n follow-ups overdue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (mood {moods} of 5; {topics}).</source>
        <translation>
            <numerusform>%n conversation (mood {moods} of 5; {topics}).</numerusform>
            <numerusform>%n conversations (mood {moods} of 5; {topics}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (mood {moods} of 5).</source>
        <translation>
            <numerusform>%n conversation (mood {moods} of 5).</numerusform>
            <numerusform>%n conversations (mood {moods} of 5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No one-to-one conversation for %n day(s).</source>
        <translation>
            <numerusform>No one-to-one conversation for %n day.</numerusform>
            <numerusform>No one-to-one conversation for %n days.</numerusform>
        </translation>
    </message>
</context>
</TS>
