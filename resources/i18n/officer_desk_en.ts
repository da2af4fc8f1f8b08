<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>UndoMealDialog</name>
    <message numerus="yes">
        <source>Your last meal log in this shift: {meal} on {day}, saved at {time} for %n person(s). It is marked as a mistake and stays in the history with your reason.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
