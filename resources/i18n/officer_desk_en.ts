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
</TS>
