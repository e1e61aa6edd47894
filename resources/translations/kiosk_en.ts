<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_IN" sourcelanguage="en_IN">
<context>
    <name>CollectScreen</name>
    <message numerus="yes">
        <source>%n booking(s) found: check with the customer, then print.</source>
        <translation>
            <numerusform>%n booking found: check with the customer, then print.</numerusform>
            <numerusform>%n bookings found: check with the customer, then print.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterMode</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>Locked after %n minute without activity. Sign in again.</numerusform>
            <numerusform>Locked after %n minutes without activity. Sign in again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilmsScreen</name>
    <message numerus="yes">
        <source>%n film(s) showing</source>
        <translation>
            <numerusform>%n film showing</numerusform>
            <numerusform>%n films showing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinderScreen</name>
    <message numerus="yes">
        <source>%n show(s)</source>
        <translation>
            <numerusform>%n show</numerusform>
            <numerusform>%n shows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) for a manager</source>
        <translation>
            <numerusform>%n conflict for a manager</numerusform>
            <numerusform>%n conflicts for a manager</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagerMode</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>Locked after %n minute without activity. Sign in again.</numerusform>
            <numerusform>Locked after %n minutes without activity. Sign in again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatsScreen</name>
    <message numerus="yes">
        <source>%n seat(s), %1 (adult)</source>
        <translation>
            <numerusform>%n seat, %1 (adult)</numerusform>
            <numerusform>%n seats, %1 (adult)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Continue with %n seat(s)</source>
        <translation>
            <numerusform>Continue with %n seat</numerusform>
            <numerusform>Continue with %n seats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowCard</name>
    <message numerus="yes">
        <source>Only %n seat(s) left</source>
        <translation>
            <numerusform>Only %n seat left</numerusform>
            <numerusform>Only %n seats left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) left</source>
        <translation>
            <numerusform>%n seat left</numerusform>
            <numerusform>%n seats left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowTimeGrid</name>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n adult</numerusform>
            <numerusform>%n adults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message numerus="yes">
        <source>We will release your seats and start again in %n second(s).</source>
        <translation>
            <numerusform>We will release your seats and start again in %n second.</numerusform>
            <numerusform>We will release your seats and start again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>We will start again in %n second(s).</source>
        <translation>
            <numerusform>We will start again in %n second.</numerusform>
            <numerusform>We will start again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message numerus="yes">
        <source>%n not sent (needs a manager)</source>
        <translation>
            <numerusform>%n not sent (needs a manager)</numerusform>
            <numerusform>%n not sent (needs a manager)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) wait for a manager. Fix the cause the reason names, then choose a row and Retry.</source>
        <translation>
            <numerusform>%n row waits for a manager. Fix the cause its reason names, then choose it and Retry.</numerusform>
            <numerusform>%n rows wait for a manager. Fix the cause the reason names, then choose a row and Retry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Saved %n row to %1.</numerusform>
            <numerusform>Saved %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
