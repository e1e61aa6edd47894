<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="te_IN">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Box Office</source>
        <translation>బాక్స్ ఆఫీస్</translation>
    </message>
    <message>
        <source>Tickets for today&apos;s films, in a minute. Pay by card.</source>
        <translation>ఈరోజు సినిమాల టికెట్లు, ఒక్క నిమిషంలో. కార్డుతో చెల్లించండి.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>ప్రారంభించడానికి తాకండి</translation>
    </message>
    <message>
        <source>Collect tickets booked online</source>
        <translation>ఆన్‌లైన్‌లో బుక్ చేసిన టికెట్లు తీసుకోండి</translation>
    </message>
    <message>
        <source>Easier to see</source>
        <translation>చూడటానికి సులువుగా</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>అధిక కాంట్రాస్ట్</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>పెద్ద అక్షరాలు</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>మీ భాష ఎంచుకోండి</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>When</source>
        <translation>ఎప్పుడు</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>సిబ్బంది</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>చర్య</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>లక్ష్యం</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>అనుమతి</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ఏమి జరిగింది</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>రికార్డు</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ఆడిట్ లాగ్</translation>
    </message>
    <message>
        <source>Search target or detail</source>
        <translation>లక్ష్యం లేదా వివరం వెతకండి</translation>
    </message>
    <message>
        <source>From</source>
        <translation>నుండి</translation>
    </message>
    <message>
        <source>to</source>
        <translation>వరకు</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>వర్తింపజేయి</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>అందరు సిబ్బంది</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>అన్ని చర్యలు</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>ఆడిట్ చైన్ తనిఖీ చేస్తోంది…</translation>
    </message>
    <message>
        <source>The audit chain could not be checked. Please try again.</source>
        <translation>ఆడిట్ చైన్ తనిఖీ చేయలేకపోయాం. దయచేసి మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>✓ Audit chain intact: all %1 rows unchanged.</source>
        <translation>✓ ఆడిట్ చైన్ సురక్షితం: మొత్తం %1 వరుసలు మారలేదు.</translation>
    </message>
    <message>
        <source>✗ Audit chain broken: %1</source>
        <translation>✗ ఆడిట్ చైన్ విరిగింది: %1</translation>
    </message>
    <message>
        <source>Rows shown may not be what was written: tell the cinema&apos;s auditor. `kiosk audit verify` gives the same check on the command line.</source>
        <translation>చూపిన వరుసలు రాసినవి కాకపోవచ్చు: సినిమా హాల్ ఆడిటర్‌కు చెప్పండి. `kiosk audit verify` కమాండ్ లైన్‌లో ఇదే తనిఖీ చేస్తుంది.</translation>
    </message>
    <message>
        <source>self-service / system</source>
        <translation>సెల్ఫ్-సర్వీస్ / సిస్టమ్</translation>
    </message>
    <message>
        <source>%1 entries (the newest shown; narrow the dates)</source>
        <translation>%1 ఎంట్రీలు (కొత్తవి చూపబడ్డాయి; తేదీలు తగ్గించండి)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 ఎంట్రీలు</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>{who} signed in{shift_part}.</source>
        <translation>{who} సైన్ ఇన్ చేశారు{shift_part}.</translation>
    </message>
    <message>
        <source>{who} signed out.</source>
        <translation>{who} సైన్ అవుట్ చేశారు.</translation>
    </message>
    <message>
        <source>Sign-in as staff {target} refused: {why}.</source>
        <translation>సిబ్బంది {target} గా సైన్-ఇన్ తిరస్కరించబడింది: {why}.</translation>
    </message>
    <message>
        <source>{who} opened shift {target} with a float of {float}.</source>
        <translation>{who} {float} ఫ్లోట్‌తో షిఫ్ట్ {target} తెరిచారు.</translation>
    </message>
    <message>
        <source>{who} closed shift {target}: counted {counted}, expected {expected}, variance {variance}.</source>
        <translation>{who} షిఫ్ట్ {target} ముగించారు: లెక్కించినది {counted}, అంచనా {expected}, తేడా {variance}.</translation>
    </message>
    <message>
        <source>{who} approved the cash-up of shift {target}{comment_part}.</source>
        <translation>{who} షిఫ్ట్ {target} నగదు లెక్కను ఆమోదించారు{comment_part}.</translation>
    </message>
    <message>
        <source>{who} commented on the cash-up of shift {target}{comment_part}.</source>
        <translation>{who} షిఫ్ట్ {target} నగదు లెక్కపై వ్యాఖ్య రాశారు{comment_part}.</translation>
    </message>
    <message>
        <source>{who} printed the cash-up slip of shift {target} ({device}).</source>
        <translation>{who} షిఫ్ట్ {target} నగదు లెక్క స్లిప్ ప్రింట్ చేశారు ({device}).</translation>
    </message>
    <message>
        <source>{who} printed the cash-up slip of shift {target} again ({device}).</source>
        <translation>{who} షిఫ్ట్ {target} నగదు లెక్క స్లిప్ మళ్ళీ ప్రింట్ చేశారు ({device}).</translation>
    </message>
    <message>
        <source>{who} sold booking {target} for {total}{tenders_part}{seats_part}.</source>
        <translation>{who} బుకింగ్ {target} ను {total} కు అమ్మారు{tenders_part}{seats_part}.</translation>
    </message>
    <message>
        <source>{who} exchanged booking {exchanged_from} for {target}, {total}{tenders_part}{seats_part}.</source>
        <translation>{who} బుకింగ్ {exchanged_from} ని {target} తో మార్చారు, {total}{tenders_part}{seats_part}.</translation>
    </message>
    <message>
        <source>{who} refunded {amount} on booking {target}{method_part}{seats_part}{reason_part}.</source>
        <translation>{who} బుకింగ్ {target} పై {amount} రీఫండ్ చేశారు{method_part}{seats_part}{reason_part}.</translation>
    </message>
    <message>
        <source>{who} cancelled booking {target}, {amount} back{method_part}{reason_part}.</source>
        <translation>{who} బుకింగ్ {target} రద్దు చేసి, {amount} తిరిగి ఇచ్చారు{method_part}{reason_part}.</translation>
    </message>
    <message>
        <source>{who} asked a manager to approve a refund of {amount} on booking {target}{seats_part}{reason_part}.</source>
        <translation>{who} బుకింగ్ {target} పై {amount} రీఫండ్ ఆమోదం కోసం మేనేజర్‌ను అడిగారు{seats_part}{reason_part}.</translation>
    </message>
    <message>
        <source>{who} approved refund {refund_id} of {amount} on booking {target}{payout_part}.</source>
        <translation>{who} బుకింగ్ {target} పై {amount} రీఫండ్ {refund_id} ను ఆమోదించారు{payout_part}.</translation>
    </message>
    <message>
        <source>{who} rejected refund {refund_id} on booking {target}{comment_part}.</source>
        <translation>{who} బుకింగ్ {target} పై రీఫండ్ {refund_id} ను తిరస్కరించారు{comment_part}.</translation>
    </message>
    <message>
        <source>{who} paid out refund {refund_id} of {amount} on booking {target} from their drawer.</source>
        <translation>{who} బుకింగ్ {target} పై {amount} రీఫండ్ {refund_id} ను తమ డ్రాయర్ నుండి చెల్లించారు.</translation>
    </message>
    <message>
        <source>{who} sold food and drink {target} for {total}{tenders_part}.</source>
        <translation>{who} ఆహారం, పానీయాలు {target} ను {total} కు అమ్మారు{tenders_part}.</translation>
    </message>
    <message>
        <source>{who} refunded {amount} of food and drink {target}{tenders_part}{reason_part}.</source>
        <translation>{who} ఆహారం, పానీయాలు {target} పై {amount} రీఫండ్ చేశారు{tenders_part}{reason_part}.</translation>
    </message>
    <message>
        <source>{who} handed over food and drink {target}.</source>
        <translation>{who} ఆహారం, పానీయాలు {target} అందజేశారు.</translation>
    </message>
    <message>
        <source>Member {target} had fewer points than a refund took back ({owed_part}).</source>
        <translation>రీఫండ్ వెనక్కి తీసుకున్న వాటి కంటే సభ్యుడు {target} వద్ద తక్కువ పాయింట్లు ఉన్నాయి ({owed_part}).</translation>
    </message>
    <message>
        <source>{who} sold gift card {card} loaded with {amount}{tenders_part}.</source>
        <translation>{who} {amount} నింపిన గిఫ్ట్ కార్డ్ {card} అమ్మారు{tenders_part}.</translation>
    </message>
    <message>
        <source>{who} topped up gift card {card} with {amount}{tenders_part}.</source>
        <translation>{who} గిఫ్ట్ కార్డ్ {card} లో {amount} జోడించారు{tenders_part}.</translation>
    </message>
    <message>
        <source>{who} blocked gift card {target}.</source>
        <translation>{who} గిఫ్ట్ కార్డ్ {target} ను నిలిపివేశారు.</translation>
    </message>
    <message>
        <source>{who} unblocked gift card {target}.</source>
        <translation>{who} గిఫ్ట్ కార్డ్ {target} నిలిపివేతను తొలగించారు.</translation>
    </message>
    <message>
        <source>{who} issued {count} voucher(s) ({label}) for {target}.</source>
        <translation>{who} {target} కోసం {count} వోచర్(లు) ({label}) జారీ చేశారు.</translation>
    </message>
    <message>
        <source>{who} cancelled voucher {target}.</source>
        <translation>{who} వోచర్ {target} ను రద్దు చేశారు.</translation>
    </message>
    <message>
        <source>{who} enrolled member {target}.</source>
        <translation>{who} సభ్యుడు {target} ను చేర్చుకున్నారు.</translation>
    </message>
    <message>
        <source>{who} changed member {target}.</source>
        <translation>{who} సభ్యుడు {target} వివరాలు మార్చారు.</translation>
    </message>
    <message>
        <source>{who} added offer {name} ({target}).</source>
        <translation>{who} ఆఫర్ {name} ({target}) జోడించారు.</translation>
    </message>
    <message>
        <source>{who} changed offer {name} ({target}).</source>
        <translation>{who} ఆఫర్ {name} ({target}) మార్చారు.</translation>
    </message>
    <message>
        <source>{who} withdrew offer {target}.</source>
        <translation>{who} ఆఫర్ {target} ను ఉపసంహరించారు.</translation>
    </message>
    <message>
        <source>{who} counted {on_hand} of {target} in stock.</source>
        <translation>{who} స్టాక్‌లో {target} {on_hand} ఉన్నట్లు లెక్కించారు.</translation>
    </message>
    <message>
        <source>{who} sent the confirmation of booking {target} again to {to}.</source>
        <translation>{who} బుకింగ్ {target} నిర్ధారణను {to} కు మళ్ళీ పంపారు.</translation>
    </message>
    <message>
        <source>{who} reprinted {tickets} ticket(s) of booking {reference}.</source>
        <translation>{who} బుకింగ్ {reference} లోని {tickets} టికెట్(లు) మళ్ళీ ప్రింట్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} reprinted the collected tickets of booking {reference}.</source>
        <translation>{who} బుకింగ్ {reference} లో తీసుకున్న టికెట్లను మళ్ళీ ప్రింట్ చేశారు.</translation>
    </message>
    <message>
        <source>Tickets of booking {reference} were collected here after {first_kiosk} had collected them.</source>
        <translation>{first_kiosk} లో తీసుకున్న తర్వాత బుకింగ్ {reference} టికెట్లు ఇక్కడ కూడా తీసుకోబడ్డాయి.</translation>
    </message>
    <message>
        <source>The collection of booking {reference} was given back: {reason}.</source>
        <translation>బుకింగ్ {reference} టికెట్ల సేకరణ వెనక్కి తీసుకోబడింది: {reason}.</translation>
    </message>
    <message>
        <source>Booking {reference} was admitted at {first_door} and again at {second_door}.</source>
        <translation>బుకింగ్ {reference} కు {first_door} వద్ద, మళ్ళీ {second_door} వద్ద ప్రవేశం ఇవ్వబడింది.</translation>
    </message>
    <message>
        <source>{who} closed business day {target}: gross {gross}, {tickets} ticket(s).</source>
        <translation>{who} వ్యాపార రోజు {target} ముగించారు: స్థూలం {gross}, {tickets} టికెట్(లు).</translation>
    </message>
    <message>
        <source>{who} corrected closed day {target} by {amount}: {reason}.</source>
        <translation>{who} ముగిసిన రోజు {target} ను {amount} తో సరిదిద్దారు: {reason}.</translation>
    </message>
    <message>
        <source>{who} added film {title}.</source>
        <translation>{who} సినిమా {title} జోడించారు.</translation>
    </message>
    <message>
        <source>{who} changed film {title}.</source>
        <translation>{who} సినిమా {title} మార్చారు.</translation>
    </message>
    <message>
        <source>{who} added price list {target}.</source>
        <translation>{who} ధరల జాబితా {target} జోడించారు.</translation>
    </message>
    <message>
        <source>{who} changed price list {target}.</source>
        <translation>{who} ధరల జాబితా {target} మార్చారు.</translation>
    </message>
    <message>
        <source>{who} added hall {target}.</source>
        <translation>{who} హాల్ {target} జోడించారు.</translation>
    </message>
    <message>
        <source>{who} changed hall {target}.</source>
        <translation>{who} హాల్ {target} మార్చారు.</translation>
    </message>
    <message>
        <source>{who} scheduled show {target}.</source>
        <translation>{who} షో {target} షెడ్యూల్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} changed show {target}.</source>
        <translation>{who} షో {target} మార్చారు.</translation>
    </message>
    <message>
        <source>{who} cancelled show {target}.</source>
        <translation>{who} షో {target} రద్దు చేశారు.</translation>
    </message>
    <message>
        <source>{who} imported {rows} row(s) of {kind} from {target}.</source>
        <translation>{who} {target} నుండి {kind} కు చెందిన {rows} వరుస(లు) దిగుమతి చేశారు.</translation>
    </message>
    <message>
        <source>{who} changed the settings in {target}{reason_part}.</source>
        <translation>{who} {target} లో సెట్టింగ్‌లు మార్చారు{reason_part}.</translation>
    </message>
    <message>
        <source>{who} changed the money limits of cinema {target}.</source>
        <translation>{who} సినిమా హాల్ {target} డబ్బు పరిమితులు మార్చారు.</translation>
    </message>
    <message>
        <source>{who} set up cinema {target} ({name}, {city}).</source>
        <translation>{who} సినిమా హాల్ {target} ({name}, {city}) సెటప్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} published version {version} of cinema {target}&apos;s catalogue ({items} item(s)).</source>
        <translation>{who} సినిమా హాల్ {target} కేటలాగ్ వెర్షన్ {version} ప్రచురించారు ({items} అంశం(లు)).</translation>
    </message>
    <message>
        <source>A catalogue edit for cinema {target} was refused: someone else changed it first.</source>
        <translation>సినిమా హాల్ {target} కేటలాగ్ సవరణ తిరస్కరించబడింది: వేరొకరు ముందే దాన్ని మార్చారు.</translation>
    </message>
    <message>
        <source>{who} became the first manager ({target}).</source>
        <translation>{who} మొదటి మేనేజర్ అయ్యారు ({target}).</translation>
    </message>
    <message>
        <source>{who} added staff {target} ({name}, {role}).</source>
        <translation>{who} సిబ్బంది {target} ({name}, {role}) ను జోడించారు.</translation>
    </message>
    <message>
        <source>{who} reset the PIN of staff {target}.</source>
        <translation>{who} సిబ్బంది {target} పిన్ రీసెట్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} unlocked staff {target}.</source>
        <translation>{who} సిబ్బంది {target} ను అన్‌లాక్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} deactivated staff {target}.</source>
        <translation>{who} సిబ్బంది {target} ను నిష్క్రియం చేశారు.</translation>
    </message>
    <message>
        <source>{who} reactivated staff {target}.</source>
        <translation>{who} సిబ్బంది {target} ను మళ్ళీ సక్రియం చేశారు.</translation>
    </message>
    <message>
        <source>{who} changed staff {target} from {from} to {to}.</source>
        <translation>{who} సిబ్బంది {target} ను {from} నుండి {to} కు మార్చారు.</translation>
    </message>
    <message>
        <source>The seats {lost} of booking {target} were sold elsewhere first.</source>
        <translation>బుకింగ్ {target} లోని సీట్లు {lost} ముందే వేరే చోట అమ్ముడయ్యాయి.</translation>
    </message>
    <message>
        <source>The cloud refused booking {target} (seats {seats_list}): {reason}.</source>
        <translation>క్లౌడ్ బుకింగ్ {target} (సీట్లు {seats_list}) ను తిరస్కరించింది: {reason}.</translation>
    </message>
    <message>
        <source>{who} moved booking {target} from {old_seats} to {new_seats}.</source>
        <translation>{who} బుకింగ్ {target} ను {old_seats} నుండి {new_seats} కు మార్చారు.</translation>
    </message>
    <message>
        <source>{who} refunded booking {target} in full ({amount}): its seats were sold elsewhere.</source>
        <translation>{who} బుకింగ్ {target} కు పూర్తి రీఫండ్ ఇచ్చారు ({amount}): దాని సీట్లు వేరే చోట అమ్ముడయ్యాయి.</translation>
    </message>
    <message>
        <source>{who} set aside {seat_count} seat(s) of show {target} for offline sales.</source>
        <translation>{who} ఆఫ్‌లైన్ అమ్మకాల కోసం షో {target} లో {seat_count} సీటు(లు) కేటాయించారు.</translation>
    </message>
    <message>
        <source>{who} gave back {seat_count} unsold offline seat(s) of show {target}.</source>
        <translation>{who} షో {target} లో అమ్మని {seat_count} ఆఫ్‌లైన్ సీటు(లు) తిరిగి ఇచ్చారు.</translation>
    </message>
    <message>
        <source>{who} gave back all {seat_count} offline seat(s) of show {target}.</source>
        <translation>{who} షో {target} లోని మొత్తం {seat_count} ఆఫ్‌లైన్ సీటు(లు) తిరిగి ఇచ్చారు.</translation>
    </message>
    <message>
        <source>Booking {target} was sent to the cloud again (missing there).</source>
        <translation>బుకింగ్ {target} క్లౌడ్‌కు మళ్ళీ పంపబడింది (అక్కడ లేదు).</translation>
    </message>
    <message>
        <source>The sync gave up sending {kind} of {target}: {reason}.</source>
        <translation>{target} యొక్క {kind} పంపడాన్ని సింక్ ఆపేసింది: {reason}.</translation>
    </message>
    <message>
        <source>{who} sent {kind} of {target} again.</source>
        <translation>{who} {target} యొక్క {kind} మళ్ళీ పంపారు.</translation>
    </message>
    <message>
        <source>{who} exported {rows} unsent row(s) to {target}.</source>
        <translation>{who} పంపని {rows} వరుస(లు) {target} కు ఎగుమతి చేశారు.</translation>
    </message>
    <message>
        <source>{who} sent the approval of refund {local_id} to {kiosk}.</source>
        <translation>{who} రీఫండ్ {local_id} ఆమోదాన్ని {kiosk} కు పంపారు.</translation>
    </message>
    <message>
        <source>{who} sent the rejection of refund {local_id} to {kiosk}.</source>
        <translation>{who} రీఫండ్ {local_id} తిరస్కరణను {kiosk} కు పంపారు.</translation>
    </message>
    <message>
        <source>{who} sent the approval of cash-up {local_id} to {kiosk}.</source>
        <translation>{who} నగదు లెక్క {local_id} ఆమోదాన్ని {kiosk} కు పంపారు.</translation>
    </message>
    <message>
        <source>{who} sent the rejection of cash-up {local_id} to {kiosk}.</source>
        <translation>{who} నగదు లెక్క {local_id} తిరస్కరణను {kiosk} కు పంపారు.</translation>
    </message>
    <message>
        <source>A manager at {by_kiosk} decided refund {target} ({decision}): {outcome}.</source>
        <translation>{by_kiosk} లోని ఒక మేనేజర్ రీఫండ్ {target} పై నిర్ణయం తీసుకున్నారు ({decision}): {outcome}.</translation>
    </message>
    <message>
        <source>A manager at {by_kiosk} decided cash-up {target} ({decision}): {outcome}.</source>
        <translation>{by_kiosk} లోని ఒక మేనేజర్ నగదు లెక్క {target} పై నిర్ణయం తీసుకున్నారు ({decision}): {outcome}.</translation>
    </message>
    <message>
        <source>{who} saved a backup to {target}.</source>
        <translation>{who} {target} కు బ్యాకప్ సేవ్ చేశారు.</translation>
    </message>
    <message>
        <source>{who} restored the backup {target}.</source>
        <translation>{who} బ్యాకప్ {target} ను పునరుద్ధరించారు.</translation>
    </message>
    <message>
        <source>{who} wiped the database (backup kept in {target}).</source>
        <translation>{who} డేటాబేస్‌ను తుడిచివేశారు (బ్యాకప్ {target} లో ఉంచబడింది).</translation>
    </message>
    <message>
        <source>{who} wiped the database and discarded unsent sales (kept in {target}).</source>
        <translation>{who} డేటాబేస్‌ను తుడిచివేసి, పంపని అమ్మకాలను వదిలేశారు ({target} లో ఉంచబడ్డాయి).</translation>
    </message>
    <message>
        <source>{who} made a new ticket signing key ({target}).</source>
        <translation>{who} కొత్త టికెట్ సంతకం కీ సృష్టించారు ({target}).</translation>
    </message>
    <message>
        <source>{who} dropped ticket key {dropped}.</source>
        <translation>{who} టికెట్ కీ {dropped} ను తొలగించారు.</translation>
    </message>
    <message>
        <source>{who} imported ticket keys (signing with {target}).</source>
        <translation>{who} టికెట్ కీలను దిగుమతి చేశారు ({target} తో సంతకం).</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>సైన్ ఇన్</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>సైన్ అవుట్</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>సైన్-ఇన్ తిరస్కరణ</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>షిఫ్ట్ ప్రారంభం</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>షిఫ్ట్ ముగింపు</translation>
    </message>
    <message>
        <source>Shifts list</source>
        <translation>షిఫ్ట్‌ల జాబితా</translation>
    </message>
    <message>
        <source>Cash-up slip printed</source>
        <translation>నగదు లెక్క స్లిప్ ప్రింట్</translation>
    </message>
    <message>
        <source>Cash-up slip reprinted</source>
        <translation>నగదు లెక్క స్లిప్ మళ్ళీ ప్రింట్</translation>
    </message>
    <message>
        <source>Cash-up slip</source>
        <translation>నగదు లెక్క స్లిప్</translation>
    </message>
    <message>
        <source>Cash-up looked at</source>
        <translation>నగదు లెక్క చూశారు</translation>
    </message>
    <message>
        <source>Cash-up preview</source>
        <translation>నగదు లెక్క ముందస్తు వీక్షణ</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>డాష్‌బోర్డ్</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>అమ్మకం</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>మార్పిడి</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>బుకింగ్ రద్దు</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>రీఫండ్ అభ్యర్థన</translation>
    </message>
    <message>
        <source>Refund approved</source>
        <translation>రీఫండ్ ఆమోదించబడింది</translation>
    </message>
    <message>
        <source>Refund rejected</source>
        <translation>రీఫండ్ తిరస్కరించబడింది</translation>
    </message>
    <message>
        <source>Refund paid out</source>
        <translation>రీఫండ్ చెల్లించబడింది</translation>
    </message>
    <message>
        <source>Refund preview</source>
        <translation>రీఫండ్ ముందస్తు వీక్షణ</translation>
    </message>
    <message>
        <source>Refund approval</source>
        <translation>రీఫండ్ ఆమోదం</translation>
    </message>
    <message>
        <source>Refund rejection</source>
        <translation>రీఫండ్ తిరస్కరణ</translation>
    </message>
    <message>
        <source>Refunds waiting</source>
        <translation>పెండింగ్ రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Refund pay-out</source>
        <translation>రీఫండ్ చెల్లింపు</translation>
    </message>
    <message>
        <source>Refunds to pay out</source>
        <translation>చెల్లించాల్సిన రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Food and drink sale</source>
        <translation>ఆహారం, పానీయాల అమ్మకం</translation>
    </message>
    <message>
        <source>Food and drink refund</source>
        <translation>ఆహారం, పానీయాల రీఫండ్</translation>
    </message>
    <message>
        <source>Food and drink collected</source>
        <translation>ఆహారం, పానీయాలు అందజేశారు</translation>
    </message>
    <message>
        <source>Points short</source>
        <translation>పాయింట్లు తక్కువ</translation>
    </message>
    <message>
        <source>Gift card sold</source>
        <translation>గిఫ్ట్ కార్డ్ అమ్ముడైంది</translation>
    </message>
    <message>
        <source>Gift card topped up</source>
        <translation>గిఫ్ట్ కార్డ్‌లో మొత్తం జోడించబడింది</translation>
    </message>
    <message>
        <source>Gift card blocked</source>
        <translation>గిఫ్ట్ కార్డ్ నిలిపివేయబడింది</translation>
    </message>
    <message>
        <source>Gift card unblocked</source>
        <translation>గిఫ్ట్ కార్డ్ నిలిపివేత తొలగించబడింది</translation>
    </message>
    <message>
        <source>Vouchers issued</source>
        <translation>వోచర్లు జారీ</translation>
    </message>
    <message>
        <source>Voucher cancelled</source>
        <translation>వోచర్ రద్దు</translation>
    </message>
    <message>
        <source>Member enrolled</source>
        <translation>సభ్యుడు చేరారు</translation>
    </message>
    <message>
        <source>Member changed</source>
        <translation>సభ్యుని వివరాలు మార్చబడ్డాయి</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>సభ్యుని చరిత్ర</translation>
    </message>
    <message>
        <source>Offer added</source>
        <translation>ఆఫర్ జోడించబడింది</translation>
    </message>
    <message>
        <source>Offer changed</source>
        <translation>ఆఫర్ మార్చబడింది</translation>
    </message>
    <message>
        <source>Offer withdrawn</source>
        <translation>ఆఫర్ ఉపసంహరించబడింది</translation>
    </message>
    <message>
        <source>Offer saved</source>
        <translation>ఆఫర్ సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Stock counted</source>
        <translation>స్టాక్ లెక్కింపు</translation>
    </message>
    <message>
        <source>Low stock list</source>
        <translation>తక్కువ స్టాక్ జాబితా</translation>
    </message>
    <message>
        <source>Confirmation resent</source>
        <translation>నిర్ధారణ మళ్ళీ పంపబడింది</translation>
    </message>
    <message>
        <source>Tickets reprinted</source>
        <translation>టికెట్లు మళ్ళీ ప్రింట్</translation>
    </message>
    <message>
        <source>Collected tickets reprinted</source>
        <translation>తీసుకున్న టికెట్లు మళ్ళీ ప్రింట్</translation>
    </message>
    <message>
        <source>Tickets collected twice</source>
        <translation>టికెట్లు రెండుసార్లు తీసుకున్నారు</translation>
    </message>
    <message>
        <source>Collection given back</source>
        <translation>సేకరణ వెనక్కి తీసుకోబడింది</translation>
    </message>
    <message>
        <source>Tickets collected</source>
        <translation>టికెట్లు తీసుకున్నారు</translation>
    </message>
    <message>
        <source>Booking looked up</source>
        <translation>బుకింగ్ వెతికారు</translation>
    </message>
    <message>
        <source>Admitted twice</source>
        <translation>రెండుసార్లు ప్రవేశం</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>ప్రవేశం</translation>
    </message>
    <message>
        <source>Double admissions list</source>
        <translation>రెండుసార్ల ప్రవేశాల జాబితా</translation>
    </message>
    <message>
        <source>Business day closed</source>
        <translation>వ్యాపార రోజు ముగిసింది</translation>
    </message>
    <message>
        <source>Closed day corrected</source>
        <translation>ముగిసిన రోజు సరిదిద్దబడింది</translation>
    </message>
    <message>
        <source>Film added</source>
        <translation>సినిమా జోడించబడింది</translation>
    </message>
    <message>
        <source>Film changed</source>
        <translation>సినిమా మార్చబడింది</translation>
    </message>
    <message>
        <source>Film saved</source>
        <translation>సినిమా సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Price list added</source>
        <translation>ధరల జాబితా జోడించబడింది</translation>
    </message>
    <message>
        <source>Price list changed</source>
        <translation>ధరల జాబితా మార్చబడింది</translation>
    </message>
    <message>
        <source>Price list saved</source>
        <translation>ధరల జాబితా సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Hall added</source>
        <translation>హాల్ జోడించబడింది</translation>
    </message>
    <message>
        <source>Hall changed</source>
        <translation>హాల్ మార్చబడింది</translation>
    </message>
    <message>
        <source>Hall saved</source>
        <translation>హాల్ సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Show scheduled</source>
        <translation>షో షెడ్యూల్ అయింది</translation>
    </message>
    <message>
        <source>Show changed</source>
        <translation>షో మార్చబడింది</translation>
    </message>
    <message>
        <source>Show saved</source>
        <translation>షో సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation>షో రద్దు</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>దిగుమతి</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>సెట్టింగ్‌లు మార్చబడ్డాయి</translation>
    </message>
    <message>
        <source>Money limits changed</source>
        <translation>డబ్బు పరిమితులు మార్చబడ్డాయి</translation>
    </message>
    <message>
        <source>Cinema set up</source>
        <translation>సినిమా హాల్ సెటప్</translation>
    </message>
    <message>
        <source>Catalogue published</source>
        <translation>కేటలాగ్ ప్రచురించబడింది</translation>
    </message>
    <message>
        <source>Catalogue edit refused</source>
        <translation>కేటలాగ్ సవరణ తిరస్కరణ</translation>
    </message>
    <message>
        <source>First manager</source>
        <translation>మొదటి మేనేజర్</translation>
    </message>
    <message>
        <source>Staff added</source>
        <translation>సిబ్బంది జోడించబడ్డారు</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>పిన్ రీసెట్</translation>
    </message>
    <message>
        <source>Staff unlocked</source>
        <translation>సిబ్బంది అన్‌లాక్</translation>
    </message>
    <message>
        <source>Staff deactivated</source>
        <translation>సిబ్బంది నిష్క్రియం</translation>
    </message>
    <message>
        <source>Staff reactivated</source>
        <translation>సిబ్బంది మళ్ళీ సక్రియం</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>పాత్ర మార్పు</translation>
    </message>
    <message>
        <source>Staff list</source>
        <translation>సిబ్బంది జాబితా</translation>
    </message>
    <message>
        <source>Cash-up approval</source>
        <translation>నగదు లెక్క ఆమోదం</translation>
    </message>
    <message>
        <source>Cash-up comment</source>
        <translation>నగదు లెక్క వ్యాఖ్య</translation>
    </message>
    <message>
        <source>Cash-ups list</source>
        <translation>నగదు లెక్కల జాబితా</translation>
    </message>
    <message>
        <source>Cash-up viewed</source>
        <translation>నగదు లెక్క వీక్షణ</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>ఆడిట్ లాగ్ చదివారు</translation>
    </message>
    <message>
        <source>Audit chain checked</source>
        <translation>ఆడిట్ చైన్ తనిఖీ</translation>
    </message>
    <message>
        <source>Sync overview</source>
        <translation>సింక్ అవలోకనం</translation>
    </message>
    <message>
        <source>Seats sold elsewhere first</source>
        <translation>సీట్లు ముందే వేరే చోట అమ్ముడయ్యాయి</translation>
    </message>
    <message>
        <source>Refused by the cloud</source>
        <translation>క్లౌడ్ తిరస్కరించింది</translation>
    </message>
    <message>
        <source>Customer re-seated</source>
        <translation>కస్టమర్ సీట్లు మార్చబడ్డాయి</translation>
    </message>
    <message>
        <source>Conflict refunded</source>
        <translation>వివాదం రీఫండ్ చేయబడింది</translation>
    </message>
    <message>
        <source>Cloud command</source>
        <translation>క్లౌడ్ ఆదేశం</translation>
    </message>
    <message>
        <source>Joined the cloud</source>
        <translation>క్లౌడ్‌లో చేరింది</translation>
    </message>
    <message>
        <source>Offline seats set aside</source>
        <translation>ఆఫ్‌లైన్ సీట్లు కేటాయించబడ్డాయి</translation>
    </message>
    <message>
        <source>Offline seats given back</source>
        <translation>ఆఫ్‌లైన్ సీట్లు తిరిగి ఇవ్వబడ్డాయి</translation>
    </message>
    <message>
        <source>Offline seats taken back</source>
        <translation>ఆఫ్‌లైన్ సీట్లు వెనక్కి తీసుకోబడ్డాయి</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>మళ్ళీ పంపబడింది</translation>
    </message>
    <message>
        <source>Not sent (needs a manager)</source>
        <translation>పంపలేదు (మేనేజర్ అవసరం)</translation>
    </message>
    <message>
        <source>Sending retried</source>
        <translation>మళ్ళీ పంపడానికి ప్రయత్నం</translation>
    </message>
    <message>
        <source>Unsent rows exported</source>
        <translation>పంపని వరుసలు ఎగుమతి</translation>
    </message>
    <message>
        <source>Refund approval sent</source>
        <translation>రీఫండ్ ఆమోదం పంపబడింది</translation>
    </message>
    <message>
        <source>Refund rejection sent</source>
        <translation>రీఫండ్ తిరస్కరణ పంపబడింది</translation>
    </message>
    <message>
        <source>Cash-up approval sent</source>
        <translation>నగదు లెక్క ఆమోదం పంపబడింది</translation>
    </message>
    <message>
        <source>Cash-up rejection sent</source>
        <translation>నగదు లెక్క తిరస్కరణ పంపబడింది</translation>
    </message>
    <message>
        <source>Refund decided elsewhere</source>
        <translation>రీఫండ్‌పై వేరే చోట నిర్ణయం</translation>
    </message>
    <message>
        <source>Cash-up decided elsewhere</source>
        <translation>నగదు లెక్కపై వేరే చోట నిర్ణయం</translation>
    </message>
    <message>
        <source>Backup saved</source>
        <translation>బ్యాకప్ సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>బ్యాకప్ పునరుద్ధరించబడింది</translation>
    </message>
    <message>
        <source>Database wiped</source>
        <translation>డేటాబేస్ తుడిచివేయబడింది</translation>
    </message>
    <message>
        <source>Unsent sales discarded</source>
        <translation>పంపని అమ్మకాలు వదిలేయబడ్డాయి</translation>
    </message>
    <message>
        <source>Ticket key made</source>
        <translation>టికెట్ కీ సృష్టించబడింది</translation>
    </message>
    <message>
        <source>Ticket key dropped</source>
        <translation>టికెట్ కీ తొలగించబడింది</translation>
    </message>
    <message>
        <source>Ticket keys imported</source>
        <translation>టికెట్ కీలు దిగుమతి</translation>
    </message>
    <message>
        <source>Ticket keys list</source>
        <translation>టికెట్ కీల జాబితా</translation>
    </message>
    <message>
        <source>{who} was refused: {action} {target} ({why}).</source>
        <translation>{who} కు నిరాకరించబడింది: {action} {target} ({why}).</translation>
    </message>
    <message>
        <source>{who} was refused: {action} ({why}).</source>
        <translation>{who} కు నిరాకరించబడింది: {action} ({why}).</translation>
    </message>
    <message>
        <source>{who}: {action} {target}{pairs_part}.</source>
        <translation>{who}: {action} {target}{pairs_part}.</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>సిస్టమ్</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>స్వయం సేవ</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>తప్పు పిన్</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>లాక్ అయింది</translation>
    </message>
    <message>
        <source>unknown staff number</source>
        <translation>తెలియని సిబ్బంది నంబర్</translation>
    </message>
    <message>
        <source>inactive account</source>
        <translation>నిష్క్రియ ఖాతా</translation>
    </message>
    <message>
        <source>account not active</source>
        <translation>ఖాతా సక్రియంగా లేదు</translation>
    </message>
    <message>
        <source>staff only</source>
        <translation>సిబ్బందికి మాత్రమే</translation>
    </message>
    <message>
        <source>role changed since sign-in</source>
        <translation>సైన్-ఇన్ తర్వాత పాత్ర మారింది</translation>
    </message>
    <message>
        <source>not allowed for this role</source>
        <translation>ఈ పాత్రకు అనుమతి లేదు</translation>
    </message>
    <message>
        <source>not a manager</source>
        <translation>మేనేజర్ కాదు</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>ఎవరూ సైన్ ఇన్ కాలేదు</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>gift card</source>
        <translation>గిఫ్ట్ కార్డ్</translation>
    </message>
    <message>
        <source>points</source>
        <translation>పాయింట్లు</translation>
    </message>
    <message>
        <source>split</source>
        <translation>విభజిత చెల్లింపు</translation>
    </message>
    <message>
        <source>seats %1</source>
        <translation>సీట్లు %1</translation>
    </message>
    <message>
        <source>(to pay out: no drawer was open)</source>
        <translation>(చెల్లించాల్సి ఉంది: ఏ డ్రాయర్ తెరిచి లేదు)</translation>
    </message>
    <message>
        <source>(shift %1)</source>
        <translation>(షిఫ్ట్ %1)</translation>
    </message>
    <message>
        <source>%1 point(s) owed</source>
        <translation>%1 పాయింట్లు బాకీ</translation>
    </message>
    <message>
        <source>the sale</source>
        <translation>అమ్మకం</translation>
    </message>
    <message>
        <source>the refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>the customer message</source>
        <translation>కస్టమర్ సందేశం</translation>
    </message>
</context>
<context>
    <name>Basket</name>
    <message>
        <source>Adult</source>
        <translation>పెద్దలు</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>పిల్లలు</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>వృద్ధులు</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>విద్యార్థి</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>సాధారణ</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>వీల్‌చైర్ స్థలం</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
</context>
<context>
    <name>BasketScreen</name>
    <message>
        <source>Seat</source>
        <translation>సీటు</translation>
    </message>
    <message>
        <source>Seat type</source>
        <translation>సీటు రకం</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>టికెట్</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ధర</translation>
    </message>
    <message>
        <source>All adult</source>
        <translation>అందరూ పెద్దలు</translation>
    </message>
    <message>
        <source>All child</source>
        <translation>అందరూ పిల్లలు</translation>
    </message>
    <message>
        <source>Change seats (Esc)</source>
        <translation>సీట్లు మార్చండి (Esc)</translation>
    </message>
    <message>
        <source>Payment  ⏎</source>
        <translation>చెల్లింపు  ⏎</translation>
    </message>
    <message>
        <source>Promo code or voucher</source>
        <translation>ప్రోమో కోడ్ లేదా వోచర్</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>కోడ్ వర్తింపజేయి</translation>
    </message>
    <message>
        <source>Remove code</source>
        <translation>కోడ్ తీసివేయి</translation>
    </message>
    <message>
        <source>Ticket type for seat %1</source>
        <translation>సీటు %1 కోసం టికెట్ రకం</translation>
    </message>
    <message>
        <source>Code %1 applied.</source>
        <translation>కోడ్ %1 వర్తించింది.</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (ముందు %2)</translation>
    </message>
    <message>
        <source>Tickets: %1</source>
        <translation>టికెట్లు: %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>మొత్తం %1</translation>
    </message>
    <message>
        <source>(tickets %1 + food and drink %2)</source>
        <translation>(టికెట్లు %1 + తినుబండారాలు %2)</translation>
    </message>
    <message>
        <source>includes tax %1</source>
        <translation>పన్ను %1 కలిపి</translation>
    </message>
</context>
<context>
    <name>BestTogether</name>
    <message>
        <source>One seat fewer</source>
        <translation>ఒక సీటు తక్కువ</translation>
    </message>
    <message>
        <source>Number of seats together</source>
        <translation>పక్కపక్కన ఎన్ని సీట్లు</translation>
    </message>
    <message>
        <source>One seat more</source>
        <translation>ఒక సీటు ఎక్కువ</translation>
    </message>
    <message>
        <source>Accessible seats</source>
        <translation>అందుబాటు సీట్లు</translation>
    </message>
    <message>
        <source>Wheelchair spaces with companion seats</source>
        <translation>సహాయకుడి సీటుతో వీల్‌చైర్ స్థలాలు</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>ఉత్తమ</translation>
    </message>
    <message>
        <source>Find the best seat</source>
        <translation>ఉత్తమ సీటు వెతకండి</translation>
    </message>
    <message>
        <source>Find %1 seats together</source>
        <translation>పక్కపక్కన %1 సీట్లు వెతకండి</translation>
    </message>
</context>
<context>
    <name>Breakdown</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>GIFT CARD</source>
        <translation>గిఫ్ట్ కార్డు</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>నిల్వ</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>చెల్లుబాటు</translation>
    </message>
    <message>
        <source>Pays for tickets, food and drink at the box office. Keep it safe: whoever holds the code can spend it.</source>
        <translation>బాక్స్ ఆఫీస్‌లో టికెట్లు, ఆహారం, పానీయాలకు చెల్లిస్తుంది. జాగ్రత్తగా ఉంచండి: కోడ్ ఉన్నవారు ఎవరైనా దీన్ని ఖర్చు చేయవచ్చు.</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>ఇస్తుంది</translation>
    </message>
    <message>
        <source>VOUCHER</source>
        <translation>వోచర్</translation>
    </message>
    <message>
        <source>Used once, at the box office or a self-service kiosk: type or scan the code.</source>
        <translation>ఒక్కసారే వాడవచ్చు, బాక్స్ ఆఫీస్ లేదా సెల్ఫ్-సర్వీస్ కియోస్క్‌లో: కోడ్ టైప్ చేయండి లేదా స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>COLLECT AT THE STAND</source>
        <translation>స్టాండ్ వద్ద తీసుకోండి</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>రిఫండ్ అయింది</translation>
    </message>
</context>
<context>
    <name>CardTerminal</name>
    <message>
        <source>Tap</source>
        <translation>ట్యాప్</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>చొప్పించండి</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>స్వైప్</translation>
    </message>
    <message>
        <source>Reading card… do not remove</source>
        <translation>కార్డు చదువుతోంది… తీయకండి</translation>
    </message>
    <message>
        <source>Card accepted
•••• %1</source>
        <translation>కార్డు అంగీకరించబడింది
•••• %1</translation>
    </message>
    <message>
        <source>Tap, insert or swipe your card</source>
        <translation>మీ కార్డును ట్యాప్ చేయండి, చొప్పించండి లేదా స్వైప్ చేయండి</translation>
    </message>
</context>
<context>
    <name>CashupsScreen</name>
    <message>
        <source>Shift</source>
        <translation>షిఫ్ట్</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>సిబ్బంది</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>ప్రారంభం</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ముగింపు</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>ఫ్లోట్</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>అంచనా</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>లెక్కించినది</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>తేడా</translation>
    </message>
    <message>
        <source>Card (net)</source>
        <translation>కార్డు (నికర)</translation>
    </message>
    <message>
        <source>UPI (net)</source>
        <translation>UPI (నికర)</translation>
    </message>
    <message>
        <source>Gift card (net)</source>
        <translation>గిఫ్ట్ కార్డ్ (నికర)</translation>
    </message>
    <message>
        <source>Points (net)</source>
        <translation>పాయింట్లు (నికర)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>తనిఖీ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>ఆమోదించినవారు</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>వ్యాఖ్యలు</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Card check</source>
        <translation>కార్డు తనిఖీ</translation>
    </message>
    <message>
        <source>UPI check</source>
        <translation>UPI తనిఖీ</translation>
    </message>
    <message>
        <source>Cash-ups</source>
        <translation>నగదు లెక్కలు</translation>
    </message>
    <message>
        <source>A variance beyond %1 (in the shift&apos;s currency) either way is flagged and needs a comment before approval.</source>
        <translation>ఏ వైపైనా %1 (షిఫ్ట్ కరెన్సీలో) మించిన తేడా ఫ్లాగ్ అవుతుంది; ఆమోదానికి ముందు వ్యాఖ్య అవసరం.</translation>
    </message>
    <message>
        <source>Only flagged</source>
        <translation>ఫ్లాగ్ అయినవి మాత్రమే</translation>
    </message>
    <message>
        <source>From</source>
        <translation>నుండి</translation>
    </message>
    <message>
        <source>to</source>
        <translation>వరకు</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>Choose a shift to see its count in detail.</source>
        <translation>వివరమైన లెక్క చూడటానికి ఒక షిఫ్ట్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Comment (needed to approve a flagged variance)</source>
        <translation>వ్యాఖ్య (ఫ్లాగ్ అయిన తేడాను ఆమోదించడానికి అవసరం)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>వ్యాఖ్య జోడించండి</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>ఆమోదించండి</translation>
    </message>
    <message>
        <source>flagged: to review</source>
        <translation>ఫ్లాగ్: సమీక్షించాలి</translation>
    </message>
    <message>
        <source>open</source>
        <translation>తెరిచి ఉంది</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>ఆమోదించబడింది</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>సమీక్షించాలి</translation>
    </message>
    <message>
        <source>Please choose a shift in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక షిఫ్ట్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Closed with a total only: no count by note and coin.</source>
        <translation>మొత్తం మాత్రమే నమోదు చేసి ముగించారు: నోట్లు, నాణేల వారీ లెక్క లేదు.</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>%1 ఆమోదించారు.</translation>
    </message>
    <message>
        <source>Comments: %1</source>
        <translation>వ్యాఖ్యలు: %1</translation>
    </message>
    <message>
        <source>Approval sent to %1: it records it at its next sync; pull the day to see it done.</source>
        <translation>ఆమోదం %1 కు పంపబడింది: తదుపరి సింక్‌లో అది నమోదు చేస్తుంది; పూర్తయిందో చూడటానికి రోజు డేటా తీసుకోండి.</translation>
    </message>
    <message>
        <source>Shift %1 approved.</source>
        <translation>షిఫ్ట్ %1 ఆమోదించబడింది.</translation>
    </message>
    <message>
        <source>Comment saved.</source>
        <translation>వ్యాఖ్య సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>English</source>
        <translation>ఇంగ్లీష్</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>హిందీ</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>తెలుగు</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>తమిళం</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>మలయాళం</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>కన్నడ</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>మరాఠీ</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>బెంగాలీ</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>అరబిక్</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>యాక్షన్</translation>
    </message>
    <message>
        <source>Adventure</source>
        <translation>సాహసం</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>యానిమేషన్</translation>
    </message>
    <message>
        <source>Biography</source>
        <translation>జీవిత చరిత్ర</translation>
    </message>
    <message>
        <source>Comedy</source>
        <translation>హాస్యం</translation>
    </message>
    <message>
        <source>Crime</source>
        <translation>నేరం</translation>
    </message>
    <message>
        <source>Documentary</source>
        <translation>డాక్యుమెంటరీ</translation>
    </message>
    <message>
        <source>Drama</source>
        <translation>డ్రామా</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>కుటుంబ</translation>
    </message>
    <message>
        <source>Fantasy</source>
        <translation>ఫాంటసీ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>చరిత్ర</translation>
    </message>
    <message>
        <source>Horror</source>
        <translation>హారర్</translation>
    </message>
    <message>
        <source>Musical</source>
        <translation>సంగీత ప్రధాన</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>సంగీతం</translation>
    </message>
    <message>
        <source>Mystery</source>
        <translation>మిస్టరీ</translation>
    </message>
    <message>
        <source>Romance</source>
        <translation>ప్రేమకథ</translation>
    </message>
    <message>
        <source>Sci-Fi</source>
        <translation>సైన్స్ ఫిక్షన్</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>క్రీడలు</translation>
    </message>
    <message>
        <source>Thriller</source>
        <translation>థ్రిల్లర్</translation>
    </message>
    <message>
        <source>War</source>
        <translation>యుద్ధం</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>పిల్లల కోసం</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>సాధారణ</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>వీల్‌చైర్</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
    <message>
        <source>Mumbai</source>
        <translation>ముంబై</translation>
    </message>
    <message>
        <source>Hyderabad</source>
        <translation>హైదరాబాద్</translation>
    </message>
    <message>
        <source>Dubai</source>
        <translation>దుబాయ్</translation>
    </message>
    <message>
        <source>Delhi</source>
        <translation>ఢిల్లీ</translation>
    </message>
    <message>
        <source>Bengaluru</source>
        <translation>బెంగళూరు</translation>
    </message>
    <message>
        <source>Chennai</source>
        <translation>చెన్నై</translation>
    </message>
    <message>
        <source>Kolkata</source>
        <translation>కోల్‌కతా</translation>
    </message>
    <message>
        <source>Pune</source>
        <translation>పుణె</translation>
    </message>
    <message>
        <source>Visakhapatnam</source>
        <translation>విశాఖపట్నం</translation>
    </message>
    <message>
        <source>Vijayawada</source>
        <translation>విజయవాడ</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>పెద్దలు</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>పిల్లలు</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>వృద్ధులు</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>విద్యార్థి</translation>
    </message>
</context>
<context>
    <name>CollectScreen</name>
    <message>
        <source>Collect tickets</source>
        <translation>టికెట్లు తీసుకోండి</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s QR code, or type the booking reference or the phone number or e-mail they booked with.</source>
        <translation>కస్టమర్ QR కోడ్‌ను స్కాన్ చేయండి, లేదా బుకింగ్ రిఫరెన్స్ లేదా బుకింగ్‌లో ఇచ్చిన ఫోన్ నంబర్ లేదా ఈ-మెయిల్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>QR, reference or phone</source>
        <translation>QR, రిఫరెన్స్ లేదా ఫోన్</translation>
    </message>
    <message>
        <source>Find  ⏎</source>
        <translation>వెతకండి  ⏎</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>టికెట్లు ప్రింట్ చేయండి</translation>
    </message>
    <message>
        <source>Reprint (manager)</source>
        <translation>మళ్ళీ ప్రింట్ (మేనేజర్)</translation>
    </message>
    <message>
        <source>Scan the QR code or type a reference or phone number.</source>
        <translation>QR కోడ్ స్కాన్ చేయండి లేదా రిఫరెన్స్ లేదా ఫోన్ నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>వెతుకుతున్నాం…</translation>
    </message>
    <message>
        <source>The booking could not be looked up (%1). Try again.</source>
        <translation>బుకింగ్ వెతకలేకపోయాం (%1). మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>Seats %1</source>
        <translation>సీట్లు %1</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) found: check with the customer, then print.</source>
        <translation>
            <numerusform>%n బుకింగ్ దొరికింది: కస్టమర్‌తో సరిచూసి, ప్రింట్ చేయండి.</numerusform>
            <numerusform>%n బుకింగ్‌లు దొరికాయి: కస్టమర్‌తో సరిచూసి, ప్రింట్ చేయండి.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>ప్రింట్ అవుతోంది…</translation>
    </message>
    <message>
        <source>Tickets for %1 printed.</source>
        <translation>%1 టికెట్లు ప్రింట్ అయ్యాయి.</translation>
    </message>
    <message>
        <source>The tickets could not be printed (%1). Try again.</source>
        <translation>టికెట్లు ప్రింట్ కాలేదు (%1). మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>Collect your tickets</source>
        <translation>మీ టికెట్లు తీసుకోండి</translation>
    </message>
    <message>
        <source>Scan the QR code from your e-mail or SMS, or type your booking reference or the phone number you booked with.</source>
        <translation>మీ ఈ-మెయిల్ లేదా SMS లోని QR కోడ్‌ను స్కాన్ చేయండి, లేదా బుకింగ్ రిఫరెన్స్ లేదా బుకింగ్ ఫోన్ నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Find my booking</source>
        <translation>నా బుకింగ్ వెతకండి</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>మీ టికెట్లు ప్రింట్ అవుతున్నాయి…</translation>
    </message>
    <message>
        <source>Scan your QR code, or type your booking reference or phone number.</source>
        <translation>మీ QR కోడ్ స్కాన్ చేయండి, లేదా బుకింగ్ రిఫరెన్స్ లేదా ఫోన్ నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Looking for your booking…</source>
        <translation>మీ బుకింగ్ వెతుకుతున్నాం…</translation>
    </message>
    <message>
        <source>To print your tickets, type the last 4 characters of your booking reference (in your e-mail or SMS), then Find.</source>
        <translation>టికెట్లు ప్రింట్ చేయడానికి మీ బుకింగ్ రిఫరెన్స్ చివరి 4 అక్షరాలు టైప్ చేయండి (మీ ఈ-మెయిల్ లేదా SMS లో), తర్వాత వెతకండి.</translation>
    </message>
    <message>
        <source>Is this your booking? Tap it to print your tickets.</source>
        <translation>ఇది మీ బుకింగేనా? టికెట్లు ప్రింట్ చేయడానికి దీన్ని తాకండి.</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>సీట్లు: %1</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>Your confirmation</source>
        <translation>మీ నిర్ధారణ</translation>
    </message>
    <message>
        <source>Where should we send your booking confirmation?</source>
        <translation>మీ బుకింగ్ నిర్ధారణను ఎక్కడికి పంపాలి?</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ఈ-మెయిల్</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>మొబైల్ నంబర్</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>వద్దు, ధన్యవాదాలు</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>కొనసాగించండి</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>10-digit mobile number</source>
        <translation>10 అంకెల మొబైల్ నంబర్</translation>
    </message>
    <message>
        <source>That e-mail address does not look right. Please check it.</source>
        <translation>ఈ ఈ-మెయిల్ చిరునామా సరిగ్గా లేనట్లుంది. దయచేసి సరిచూడండి.</translation>
    </message>
    <message>
        <source>That mobile number does not look right. Please check it.</source>
        <translation>ఈ మొబైల్ నంబర్ సరిగ్గా లేనట్లుంది. దయచేసి సరిచూడండి.</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>How many tickets?</source>
        <translation>ఎన్ని టికెట్లు?</translation>
    </message>
    <message>
        <source>How many people are coming? We will find the best seats together; you can change them on the next screen.</source>
        <translation>ఎంత మంది వస్తున్నారు? పక్కపక్కనే ఉత్తమ సీట్లు మేము వెతుకుతాం; తదుపరి స్క్రీన్‌లో వాటిని మార్చుకోవచ్చు.</translation>
    </message>
    <message>
        <source>I will pick my seats on the map</source>
        <translation>నేనే మ్యాప్‌లో సీట్లు ఎంచుకుంటాను</translation>
    </message>
</context>
<context>
    <name>CounterMode</name>
    <message>
        <source>Box Office</source>
        <translation>బాక్స్ ఆఫీస్</translation>
    </message>
    <message>
        <source>Sales (F2)</source>
        <translation>అమ్మకాలు (F2)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>అమ్మకాలు</translation>
    </message>
    <message>
        <source>Gift cards (F3)</source>
        <translation>గిఫ్ట్ కార్డులు (F3)</translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation>గిఫ్ట్ కార్డులు</translation>
    </message>
    <message>
        <source>Refund (F6)</source>
        <translation>రీఫండ్ (F6)</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>Collect (F7)</source>
        <translation>టికెట్లు ఇవ్వండి (F7)</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>టికెట్లు ఇవ్వండి</translation>
    </message>
    <message>
        <source>Close shift (F9)</source>
        <translation>షిఫ్ట్ ముగించండి (F9)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>షిఫ్ట్ ముగించండి</translation>
    </message>
    <message>
        <source>Sign out (F12)</source>
        <translation>సైన్ అవుట్ (F12)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>సైన్ అవుట్</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>సైన్ ఇన్ కాలేదు</translation>
    </message>
    <message>
        <source>Shift since %1 · float %2</source>
        <translation>షిఫ్ట్ %1 నుండి · ఫ్లోట్ %2</translation>
    </message>
    <message>
        <source>No shift: card sales only</source>
        <translation>షిఫ్ట్ లేదు: కార్డు అమ్మకాలు మాత్రమే</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>%n నిమిషం ఏ చర్యా లేనందున లాక్ అయింది. మళ్ళీ సైన్ ఇన్ చేయండి.</numerusform>
            <numerusform>%n నిమిషాలు ఏ చర్యా లేనందున లాక్ అయింది. మళ్ళీ సైన్ ఇన్ చేయండి.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out. Next cashier, please sign in.</source>
        <translation>సైన్ అవుట్ అయింది. తదుపరి క్యాషియర్, దయచేసి సైన్ ఇన్ చేయండి.</translation>
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation>ఉత్తమ సీట్లు వెతుకుతున్నాం…</translation>
    </message>
    <message>
        <source>No seats were held.</source>
        <translation>ఏ సీటూ ఆపబడలేదు.</translation>
    </message>
    <message>
        <source>Choose the seats on the map.</source>
        <translation>మ్యాప్‌లో సీట్లు ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Exchanged %1 for %2.</source>
        <translation>%1 ని %2 తో మార్చారు.</translation>
    </message>
    <message>
        <source>Seats held %1</source>
        <translation>సీట్లు నిలిపి ఉంచబడ్డాయి %1</translation>
    </message>
    <message>
        <source>The seat hold ran out, so the seats were released. Please choose the seats again.</source>
        <translation>సీట్ల నిలుపుదల సమయం ముగిసింది, కాబట్టి సీట్లు విడుదలయ్యాయి. దయచేసి సీట్లను మళ్ళీ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>The seat hold ends in under a minute. Touch the screen to keep the seats.</source>
        <translation>సీట్ల నిలుపుదల ఒక నిమిషంలోపు ముగుస్తుంది. సీట్లు ఉంచుకోవడానికి స్క్రీన్‌ను తాకండి.</translation>
    </message>
    <message>
        <source>The customer&apos;s language (their display and confirmation)</source>
        <translation>కస్టమర్ భాష (వారి స్క్రీన్ మరియు నిర్ధారణ)</translation>
    </message>
</context>
<context>
    <name>CurrencySection</name>
    <message>
        <source>Tickets sold</source>
        <translation>అమ్మిన టికెట్లు</translation>
    </message>
    <message>
        <source>Gross sales (with tax)</source>
        <translation>స్థూల అమ్మకాలు (పన్నుతో)</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>రీఫండ్ చేసినది</translation>
    </message>
    <message>
        <source>Net revenue (after tax)</source>
        <translation>నికర ఆదాయం (పన్ను తర్వాత)</translation>
    </message>
    <message>
        <source>Seats filled</source>
        <translation>నిండిన సీట్లు</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>తినుబండారాలు</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>టికెట్లు</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>స్థూలం</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>స్క్రీన్</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>షోలు</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్మినవి</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>నిండినవి</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>అమ్మినవారు</translation>
    </message>
    <message>
        <source>Cash variance</source>
        <translation>నగదు తేడా</translation>
    </message>
    <message>
        <source>By film</source>
        <translation>సినిమా వారీగా</translation>
    </message>
    <message>
        <source>By screen</source>
        <translation>స్క్రీన్ వారీగా</translation>
    </message>
    <message>
        <source>By cashier (cash variance: counted at the close minus expected)</source>
        <translation>క్యాషియర్ వారీగా (నగదు తేడా: ముగింపులో లెక్కించినది మైనస్ అంచనా)</translation>
    </message>
    <message>
        <source>By hour (the cinema&apos;s clock)</source>
        <translation>గంట వారీగా (సినిమా హాల్ గడియారం)</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: ఏమీ లేదు</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %4 %)</source>
        <translation>%1: %2 (%3 %4 %)</translation>
    </message>
    <message>
        <source>bookings: %1</source>
        <translation>బుకింగ్‌లు: %1</translation>
    </message>
    <message>
        <source>average ticket %1</source>
        <translation>సగటు టికెట్ %1</translation>
    </message>
    <message>
        <source>%1 awaiting approval (%2), not subtracted</source>
        <translation>%1 ఆమోదం కోసం వేచి ఉంది (%2), తీసివేయలేదు</translation>
    </message>
    <message>
        <source>none awaiting approval</source>
        <translation>ఆమోదం కోసం ఏదీ వేచి లేదు</translation>
    </message>
    <message>
        <source>after %1 tax</source>
        <translation>%1 పన్ను తర్వాత</translation>
    </message>
    <message>
        <source>%1 of %2 seats in %3 show(s)</source>
        <translation>%3 షో(ల)లో %2 సీట్లలో %1</translation>
    </message>
    <message>
        <source>%1 per ticket sold</source>
        <translation>అమ్మిన ఒక్కో టికెట్‌కు %1</translation>
    </message>
    <message>
        <source>Gross by hour (%1)</source>
        <translation>గంట వారీగా స్థూలం (%1)</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>ఈ కాలం</translation>
    </message>
</context>
<context>
    <name>CustomerBanner</name>
    <message>
        <source>Sorry, something went wrong. Please try again, or ask a member of staff for help.</source>
        <translation>క్షమించండి, ఏదో పొరపాటు జరిగింది. దయచేసి మళ్ళీ ప్రయత్నించండి, లేదా సిబ్బంది సహాయం అడగండి.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation>స్వాగతం</translation>
    </message>
    <message>
        <source>Please tell us which film you would like.</source>
        <translation>దయచేసి మీకు ఏ సినిమా కావాలో చెప్పండి.</translation>
    </message>
    <message>
        <source>Your seats</source>
        <translation>మీ సీట్లు</translation>
    </message>
    <message>
        <source>Choosing your seats…</source>
        <translation>మీ సీట్లు ఎంచుకుంటున్నాం…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>చెల్లించారు</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>మీ చిల్లర</translation>
    </message>
    <message>
        <source>Thank you! Enjoy the show.</source>
        <translation>ధన్యవాదాలు! షోను ఆనందించండి.</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>బుకింగ్ రిఫరెన్స్</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>తగ్గింపు</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>పెద్దలు</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>పిల్లలు</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>వృద్ధులు</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>విద్యార్థి</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Hour</source>
        <translation>గంట</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>సిబ్బంది</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ఛానల్</translation>
    </message>
    <message>
        <source>Food by category</source>
        <translation>వర్గం వారీగా తినుబండారాలు</translation>
    </message>
    <message>
        <source>Food by item</source>
        <translation>ఐటమ్ వారీగా తినుబండారాలు</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>చెల్లింపు విధానాలు</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>ఆఫర్లు</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>షో</translation>
    </message>
    <message>
        <source>%1 not pulled from the cloud yet: this device&apos;s sales only.</source>
        <translation>%1 ఇంకా క్లౌడ్ నుండి తీసుకోలేదు: ఈ పరికరం అమ్మకాలు మాత్రమే.</translation>
    </message>
    <message>
        <source>Sales up to %1 from %2 of %3 devices</source>
        <translation>%3 పరికరాల్లో %2 నుండి %1 వరకు అమ్మకాలు</translation>
    </message>
    <message>
        <source>%1 last seen %2</source>
        <translation>%1 చివరిగా కనిపించింది %2</translation>
    </message>
    <message>
        <source>%1 has %2 not yet sent</source>
        <translation>%1 లో %2 ఇంకా పంపలేదు</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>డాష్‌బోర్డ్</translation>
    </message>
    <message>
        <source>Cinema or currency shown</source>
        <translation>చూపే సినిమా హాల్ లేదా కరెన్సీ</translation>
    </message>
    <message>
        <source>Every %1 cinema (%2)</source>
        <translation>అన్ని %1 సినిమా హాళ్ళు (%2)</translation>
    </message>
    <message>
        <source>Whole chain, each currency apart</source>
        <translation>మొత్తం చైన్, ఒక్కో కరెన్సీ విడిగా</translation>
    </message>
    <message>
        <source>From</source>
        <translation>నుండి</translation>
    </message>
    <message>
        <source>to</source>
        <translation>వరకు</translation>
    </message>
    <message>
        <source>Showing</source>
        <translation>చూపేది</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>ఈరోజు</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Pull the day</source>
        <translation>రోజు డేటా తీసుకోండి</translation>
    </message>
    <message>
        <source>Daily PDF</source>
        <translation>రోజువారీ PDF</translation>
    </message>
    <message>
        <source>Totals CSV</source>
        <translation>మొత్తాల CSV</translation>
    </message>
    <message>
        <source>Shows of the dates (each at its cinema&apos;s time)</source>
        <translation>ఆ తేదీల షోలు (ప్రతిదీ దాని సినిమా హాల్ సమయంలో)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>Every table behind the figures</source>
        <translation>ఈ అంకెల వెనుక ఉన్న అన్ని పట్టికలు</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>ప్రారంభం</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>స్క్రీన్</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్మినవి</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>సీట్లు</translation>
    </message>
    <message>
        <source>In</source>
        <translation>ప్రవేశం</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>నిండినవి</translation>
    </message>
    <message>
        <source>Cloud sync is not running on this console; nothing was pulled.</source>
        <translation>ఈ కన్సోల్‌లో క్లౌడ్ సింక్ నడవడం లేదు; ఏమీ తీసుకోలేదు.</translation>
    </message>
    <message>
        <source>%1 · in %2</source>
        <translation>%1 · %2 లో</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>%1 లో: %2</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>%1 లో</translation>
    </message>
    <message>
        <source>%1, business dates and times at each cinema (%2), compared with %3. Gross includes tax; net revenue = gross - refunds - exchange credit - tax. No amount is converted between currencies.</source>
        <translation>%1, ప్రతి సినిమా హాల్ వ్యాపార తేదీలు, సమయాల ప్రకారం (%2), %3 తో పోలిక. స్థూలంలో పన్ను కలిసి ఉంది; నికర ఆదాయం = స్థూలం - రీఫండ్‌లు - మార్పిడి జమ - పన్ను. ఏ మొత్తమూ ఒక కరెన్సీ నుండి మరో కరెన్సీకి మార్చబడదు.</translation>
    </message>
    <message>
        <source>Sales by show are listed for one cinema, or for one day. %1 shows sold tickets on these dates: their sales are in the totals and in the cinema, film and other tables.</source>
        <translation>షో వారీగా అమ్మకాలు ఒక సినిమా హాలుకు లేదా ఒక రోజుకు మాత్రమే చూపబడతాయి. ఈ తేదీల్లో %1 షోలకు టికెట్లు అమ్ముడయ్యాయి: వాటి అమ్మకాలు మొత్తాల్లో, సినిమా హాలు, చిత్రం మరియు ఇతర పట్టికల్లో ఉన్నాయి.</translation>
    </message>
    <message>
        <source>Save daily report</source>
        <translation>రోజువారీ నివేదిక సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 రాయలేకపోయాం: %2.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>DayCloseScreen</name>
    <message>
        <source>Day close</source>
        <translation>రోజు ముగింపు</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>తేదీ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Pull the day</source>
        <translation>రోజు డేటా తీసుకోండి</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>రోజు ముగించండి</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>CSV సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Closing freezes the day&apos;s totals for good: every shift of the day must be closed first (here and, once the day is pulled, on every device). Sales after the close fall on the next business day; a correction is an adjustment with a reason.</source>
        <translation>ముగింపు రోజు మొత్తాలను శాశ్వతంగా స్థిరం చేస్తుంది: ముందుగా ఆ రోజు ప్రతి షిఫ్ట్ ముగించాలి (ఇక్కడ, రోజు డేటా తీసుకున్నాక ప్రతి పరికరంలో). ముగింపు తర్వాతి అమ్మకాలు తదుపరి వ్యాపార రోజులో పడతాయి; సవరణ అంటే కారణంతో కూడిన సర్దుబాటు.</translation>
    </message>
    <message>
        <source>Amount, e.g. -12.50</source>
        <translation>మొత్తం, ఉదా. -12.50</translation>
    </message>
    <message>
        <source>Reason (printed on the Z report)</source>
        <translation>కారణం (Z నివేదికలో ప్రింట్ అవుతుంది)</translation>
    </message>
    <message>
        <source>Add adjustment</source>
        <translation>సర్దుబాటు జోడించండి</translation>
    </message>
    <message>
        <source>signature matches</source>
        <translation>సంతకం సరిపోయింది</translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT MATCH</source>
        <translation>సంతకం సరిపోలలేదు</translation>
    </message>
    <message>
        <source>%1: closed %2 by %3; %4</source>
        <translation>%1: %2న %3 ముగించారు; %4</translation>
    </message>
    <message>
        <source>%1: open, %2 shift still open (%3)</source>
        <translation>%1: తెరిచి ఉంది, %2 షిఫ్ట్ ఇంకా తెరిచి ఉంది (%3)</translation>
    </message>
    <message>
        <source>%1: open, %2 shifts still open (%3)</source>
        <translation>%1: తెరిచి ఉంది, %2 షిఫ్ట్‌లు ఇంకా తెరిచి ఉన్నాయి (%3)</translation>
    </message>
    <message>
        <source>%1: open, every shift closed: ready to close</source>
        <translation>%1: తెరిచి ఉంది, అన్ని షిఫ్ట్‌లు ముగిశాయి: ముగించవచ్చు</translation>
    </message>
    <message>
        <source>Close the business day</source>
        <translation>వ్యాపార రోజు ముగించండి</translation>
    </message>
    <message>
        <source>Close business day %1? Its totals are then frozen and signed by you; later sales fall on the next day.</source>
        <translation>వ్యాపార రోజు %1 ముగించాలా? అప్పుడు దాని మొత్తాలు స్థిరమై మీ సంతకంతో నమోదవుతాయి; తర్వాతి అమ్మకాలు తదుపరి రోజులో పడతాయి.</translation>
    </message>
    <message>
        <source>Business day %1 is closed. Save the PDF to print it.</source>
        <translation>వ్యాపార రోజు %1 ముగిసింది. ప్రింట్ చేయడానికి PDF సేవ్ చేయండి.</translation>
    </message>
    <message>
        <source>Cloud sync is not running on this console; nothing was pulled.</source>
        <translation>ఈ కన్సోల్‌లో క్లౌడ్ సింక్ నడవడం లేదు; ఏమీ తీసుకోలేదు.</translation>
    </message>
    <message>
        <source>The day was pulled from every device.</source>
        <translation>ప్రతి పరికరం నుండి రోజు డేటా తీసుకోబడింది.</translation>
    </message>
    <message>
        <source>Adjustment recorded; it is on the Z report.</source>
        <translation>సర్దుబాటు నమోదైంది; ఇది Z నివేదికలో ఉంది.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ఫైళ్లు (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ఫైళ్లు (*.csv)</translation>
    </message>
    <message>
        <source>Save the Z report</source>
        <translation>Z నివేదిక సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Nothing was written.</source>
        <translation>%1 రాయలేకపోయాం: %2. ఏమీ రాయబడలేదు.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 సేవ్ అయింది.</translation>
    </message>
    <message>
        <source>Type the adjustment as an amount, e.g. -12.50 (missing) or 20 (found).</source>
        <translation>సర్దుబాటును మొత్తంగా టైప్ చేయండి, ఉదా. -12.50 (తక్కువ) లేదా 20 (ఎక్కువ).</translation>
    </message>
    <message>
        <source>Preview: not closed, the figures can still change.</source>
        <translation>ప్రివ్యూ: ముగించలేదు, అంకెలు ఇంకా మారవచ్చు.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ఏమీ లేదు</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <source>Enjoy the show!</source>
        <translation>షోను ఆనందించండి!</translation>
    </message>
    <message>
        <source>Your booking reference</source>
        <translation>మీ బుకింగ్ రిఫరెన్స్</translation>
    </message>
    <message>
        <source>Show this code at the entrance</source>
        <translation>ప్రవేశ ద్వారం వద్ద ఈ కోడ్ చూపించండి</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>టికెట్ ప్రింట్ చేయండి</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>పూర్తయింది</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>సీట్లు: %1</translation>
    </message>
    <message>
        <source>Snacks: %1 — collect them at the food counter with %2</source>
        <translation>స్నాక్స్: %1 — వీటిని ఫుడ్ కౌంటర్ వద్ద %2 చూపించి తీసుకోండి</translation>
    </message>
    <message>
        <source>Paid %1 by card •••• %2</source>
        <translation>కార్డు •••• %2 ద్వారా %1 చెల్లించారు</translation>
    </message>
    <message>
        <source>You earned %1 points.</source>
        <translation>మీరు %1 పాయింట్లు సంపాదించారు.</translation>
    </message>
    <message>
        <source>A confirmation is on its way to %1.</source>
        <translation>నిర్ధారణ %1 కి పంపబడుతోంది.</translation>
    </message>
</context>
<context>
    <name>DoorMode</name>
    <message>
        <source>This ticket was exchanged or cancelled: it admits nobody. The customer&apos;s new ticket admits them.</source>
        <translation>ఈ టికెట్ మార్చబడింది లేదా రద్దు చేయబడింది: దీనితో ఎవరికీ ప్రవేశం లేదు. కస్టమర్ కొత్త టికెట్‌తో ప్రవేశం పొందుతారు.</translation>
    </message>
    <message>
        <source>Refunded: this ticket is no longer valid.</source>
        <translation>రీఫండ్ అయింది: ఈ టికెట్ ఇక చెల్లదు.</translation>
    </message>
    <message>
        <source>This booking is not valid for entry (its seats went to another sale first). Send the customer to the box office.</source>
        <translation>ఈ బుకింగ్ ప్రవేశానికి చెల్లదు (దాని సీట్లు ముందే వేరే అమ్మకానికి వెళ్ళాయి). కస్టమర్‌ను బాక్స్ ఆఫీస్‌కు పంపండి.</translation>
    </message>
    <message>
        <source>Wrong hall: this ticket is for %1 (%2, %3).</source>
        <translation>తప్పు హాల్: ఈ టికెట్ %1 కోసం (%2, %3).</translation>
    </message>
    <message>
        <source>Wrong day: this ticket is for %1.</source>
        <translation>తప్పు రోజు: ఈ టికెట్ %1 కోసం.</translation>
    </message>
    <message>
        <source>Wrong show: this ticket is for %1 at %2.</source>
        <translation>తప్పు షో: ఈ టికెట్ %2 కి %1 కోసం.</translation>
    </message>
    <message>
        <source>Too early: doors for %1 open at %2.</source>
        <translation>చాలా ముందుగా వచ్చారు: %1 కోసం ద్వారాలు %2 కి తెరుచుకుంటాయి.</translation>
    </message>
    <message>
        <source>This show has ended (it started at %1).</source>
        <translation>ఈ షో ముగిసింది (ఇది %1 కి ప్రారంభమైంది).</translation>
    </message>
    <message>
        <source>Already admitted at %1, %2. Do not admit again; ask a manager if in doubt.</source>
        <translation>ఇప్పటికే %1 వద్ద, %2 కి ప్రవేశం ఇచ్చారు. మళ్ళీ ప్రవేశం ఇవ్వకండి; సందేహం ఉంటే మేనేజర్‌ను అడగండి.</translation>
    </message>
    <message>
        <source>No booking %1 for this cinema. Check the ticket, or send the customer to the box office.</source>
        <translation>ఈ సినిమా హాల్‌కు బుకింగ్ %1 లేదు. టికెట్ తనిఖీ చేయండి, లేదా కస్టమర్‌ను బాక్స్ ఆఫీస్‌కు పంపండి.</translation>
    </message>
    <message>
        <source>This ticket&apos;s code is not genuine or not of this box office. Do not admit: send the customer to the box office.</source>
        <translation>ఈ టికెట్ కోడ్ నిజమైనది కాదు లేదా ఈ బాక్స్ ఆఫీస్‌ది కాదు. ప్రవేశం ఇవ్వకండి: కస్టమర్‌ను బాక్స్ ఆఫీస్‌కు పంపండి.</translation>
    </message>
    <message>
        <source>The scan was not read as a ticket. Scan the QR code again; a reference read out must be typed in (Type a reference).</source>
        <translation>స్కాన్ టికెట్‌గా చదవబడలేదు. QR కోడ్ మళ్ళీ స్కాన్ చేయండి; చదివి చెప్పిన రిఫరెన్స్‌ను టైప్ చేయాలి (రిఫరెన్స్ టైప్ చేయండి).</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <source>Door name, e.g. Door 2</source>
        <translation>ద్వారం పేరు, ఉదా. Door 2</translation>
    </message>
    <message>
        <source>Every hall</source>
        <translation>అన్ని హాళ్ళు</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>సైన్ అవుట్</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>ద్వారం</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>హాల్</translation>
    </message>
    <message>
        <source>Scan the ticket&apos;s QR code</source>
        <translation>టికెట్ QR కోడ్ స్కాన్ చేయండి</translation>
    </message>
    <message>
        <source>Type a reference</source>
        <translation>రిఫరెన్స్ టైప్ చేయండి</translation>
    </message>
    <message>
        <source>Type the booking reference, e.g. K7QX-4M2P, then Enter</source>
        <translation>బుకింగ్ రిఫరెన్స్ టైప్ చేయండి, ఉదా. K7QX-4M2P, తర్వాత Enter</translation>
    </message>
    <message>
        <source>Name this door</source>
        <translation>ఈ ద్వారానికి పేరు ఇవ్వండి</translation>
    </message>
    <message>
        <source>Type the door&apos;s name above (for example Door 2), then scan tickets.</source>
        <translation>పైన ద్వారం పేరు టైప్ చేయండి (ఉదా. Door 2), తర్వాత టికెట్లు స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>సిద్ధం</translation>
    </message>
    <message>
        <source>Scan the next ticket.</source>
        <translation>తదుపరి టికెట్ స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>No door name</source>
        <translation>ద్వారం పేరు లేదు</translation>
    </message>
    <message>
        <source>ADMIT %1</source>
        <translation>ప్రవేశం %1</translation>
    </message>
    <message>
        <source>Seats %1</source>
        <translation>సీట్లు %1</translation>
    </message>
    <message>
        <source>(offline: recorded here, sent when back online)</source>
        <translation>(ఆఫ్‌లైన్: ఇక్కడ నమోదైంది, ఆన్‌లైన్ అయ్యాక పంపబడుతుంది)</translation>
    </message>
    <message>
        <source>DO NOT ADMIT</source>
        <translation>ప్రవేశం ఇవ్వకండి</translation>
    </message>
    <message>
        <source>The scan could not be checked (%1). Try again; if it keeps failing, call a manager.</source>
        <translation>స్కాన్ తనిఖీ కాలేదు (%1). మళ్ళీ ప్రయత్నించండి; మళ్ళీ మళ్ళీ విఫలమైతే మేనేజర్‌ను పిలవండి.</translation>
    </message>
    <message>
        <source>Admitted today: %1</source>
        <translation>ఈరోజు ప్రవేశం: %1</translation>
    </message>
    <message>
        <source>Today&apos;s bookings pulled at %1</source>
        <translation>ఈరోజు బుకింగ్‌లు %1కి తీసుకున్నాం</translation>
    </message>
    <message>
        <source>This door checks this device&apos;s own bookings (no cloud).</source>
        <translation>ఈ ద్వారం ఈ పరికరం బుకింగ్‌లను మాత్రమే తనిఖీ చేస్తుంది (క్లౌడ్ లేదు).</translation>
    </message>
    <message>
        <source>Offline: admitting from the bookings pulled earlier.</source>
        <translation>ఆఫ్‌లైన్: ముందు తీసుకున్న బుకింగ్‌ల నుండి ప్రవేశం ఇస్తున్నాం.</translation>
    </message>
</context>
<context>
    <name>DoorSignInPage</name>
    <message>
        <source>Door: usher sign-in</source>
        <translation>ద్వారం: అషర్ సైన్-ఇన్</translation>
    </message>
</context>
<context>
    <name>DrawerCountGrid</name>
    <message>
        <source>Notes</source>
        <translation>నోట్లు</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>నాణేలు</translation>
    </message>
    <message>
        <source>coins</source>
        <translation>నాణేలు</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>నోట్లు</translation>
    </message>
    <message>
        <source>Number of %1 %2</source>
        <translation>%1 %2 సంఖ్య</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong. The sale was not completed and your data is safe. Please try again; if it happens again, call a manager.</source>
        <translation>ఏదో తప్పు జరిగింది. అమ్మకం పూర్తి కాలేదు, మీ డేటా సురక్షితంగా ఉంది. దయచేసి మళ్ళీ ప్రయత్నించండి; మళ్ళీ జరిగితే మేనేజర్‌ను పిలవండి.</translation>
    </message>
    <message>
        <source>Box Office Kiosk</source>
        <translation>బాక్స్ ఆఫీస్ కియోస్క్</translation>
    </message>
</context>
<context>
    <name>FilmsScreen</name>
    <message>
        <source>Choose a film</source>
        <translation>సినిమా ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>ఫిల్టర్లు తీసివేయండి</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>రోజు</translation>
    </message>
    <message>
        <source>City</source>
        <translation>నగరం</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>శైలి</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>ఏ రోజైనా</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>అన్ని నగరాలు</translation>
    </message>
    <message>
        <source>All cinemas</source>
        <translation>అన్ని సినిమా హాళ్ళు</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>అన్ని భాషలు</translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>అన్ని శైలులు</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>ఈరోజు</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>రేపు</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) showing</source>
        <translation>
            <numerusform>%n సినిమా ప్రదర్శనలో ఉంది</numerusform>
            <numerusform>%n సినిమాలు ప్రదర్శనలో ఉన్నాయి</numerusform>
        </translation>
    </message>
    <message>
        <source>No films match these filters. Try clearing some.</source>
        <translation>ఈ ఫిల్టర్లకు సరిపోయే సినిమాలు లేవు. కొన్ని ఫిల్టర్లు తీసివేసి చూడండి.</translation>
    </message>
</context>
<context>
    <name>FilmsTab</name>
    <message>
        <source>Title</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Genres</source>
        <translation>శైలులు</translation>
    </message>
    <message>
        <source>Cert.</source>
        <translation>సర్టి.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>నిమిషాలు</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>పోస్టర్</translation>
    </message>
    <message>
        <source>Comma separated, e.g. Drama, Comedy</source>
        <translation>కామాతో వేరుచేసి, ఉదా. Drama, Comedy</translation>
    </message>
    <message>
        <source>Image file (optional)</source>
        <translation>ఇమేజ్ ఫైల్ (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>సర్టిఫికెట్</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>నిడివి</translation>
    </message>
    <message>
        <source>New film</source>
        <translation>కొత్త సినిమా</translation>
    </message>
    <message>
        <source>Save film</source>
        <translation>సినిమా సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Poster image</source>
        <translation>పోస్టర్ ఇమేజ్</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>ఇమేజ్‌లు (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>FinderScreen</name>
    <message>
        <source>Find a show</source>
        <translation>షో వెతకండి</translation>
    </message>
    <message>
        <source>Search film, cinema, language or genre (F2)</source>
        <translation>సినిమా, హాల్, భాష లేదా శైలి వెతకండి (F2)</translation>
    </message>
    <message>
        <source>Search shows</source>
        <translation>షోలు వెతకండి</translation>
    </message>
    <message>
        <source>City</source>
        <translation>నగరం</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>శైలి</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>తేదీ</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>ఫిల్టర్లు తీసివేయండి</translation>
    </message>
    <message>
        <source>Choose seats  ⏎</source>
        <translation>సీట్లు ఎంచుకోండి  ⏎</translation>
    </message>
    <message>
        <source>Show times</source>
        <translation>షో సమయాలు</translation>
    </message>
    <message>
        <source>All shows</source>
        <translation>అన్ని షోలు</translation>
    </message>
    <message>
        <source>Choose a cinema in All shows to see its show times here (or set this counter&apos;s cinema_id).</source>
        <translation>ఇక్కడ షో సమయాలు చూడటానికి అన్ని షోలలో సినిమా హాల్ ఎంచుకోండి (లేదా ఈ కౌంటర్ cinema_id సెట్ చేయండి).</translation>
    </message>
    <message>
        <source>Exchanging booking %1 (%2 seats): choose the new show.</source>
        <translation>బుకింగ్ %1 (%2 సీట్లు) మార్పిడి: కొత్త షో ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Exchange cancelled.</source>
        <translation>మార్పిడి రద్దు చేయబడింది.</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>అన్ని రోజులు</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>ఈరోజు</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>రేపు</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>అన్ని నగరాలు</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>అన్ని భాషలు</translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>అన్ని శైలులు</translation>
    </message>
    <message>
        <source>All cinemas</source>
        <translation>అన్ని సినిమా హాళ్ళు</translation>
    </message>
    <message numerus="yes">
        <source>%n show(s)</source>
        <translation>
            <numerusform>%n షో</numerusform>
            <numerusform>%n షోలు</numerusform>
        </translation>
    </message>
    <message>
        <source>No shows match. Try another date or clear the filters.</source>
        <translation>సరిపోయే షోలు లేవు. వేరే తేదీ ఎంచుకోండి లేదా ఫిల్టర్లు తీసివేయండి.</translation>
    </message>
    <message>
        <source>%1 at %2 is sold out.</source>
        <translation>%2 కి %1 పూర్తిగా అమ్ముడైపోయింది.</translation>
    </message>
</context>
<context>
    <name>FirstManagerScreen</name>
    <message>
        <source>Box Office Kiosk: create the first manager</source>
        <translation>బాక్స్ ఆఫీస్ కియోస్క్: మొదటి మేనేజర్‌ను సృష్టించండి</translation>
    </message>
    <message>
        <source>Create the first manager</source>
        <translation>మొదటి మేనేజర్‌ను సృష్టించండి</translation>
    </message>
    <message>
        <source>This kiosk ({kiosk}) has no staff yet. Enter the manager who sets it up: they sign in to the manager console next, add the cinema&apos;s films, halls and shows, and add the other staff. No demo data is loaded; to try the kiosk with demo data instead, start it with kiosk --demo.</source>
        <translation>ఈ కియోస్క్‌లో ({kiosk}) ఇంకా సిబ్బంది ఎవరూ లేరు. దీన్ని సెటప్ చేసే మేనేజర్ వివరాలు నమోదు చేయండి: వారు తర్వాత మేనేజర్ కన్సోల్‌లో సైన్ ఇన్ చేసి, సినిమా హాల్ సినిమాలు, హాళ్లు, షోలు, మిగతా సిబ్బందిని జోడిస్తారు. డెమో డేటా లోడ్ చేయబడదు; బదులుగా డెమో డేటాతో ప్రయత్నించాలంటే kiosk --demo తో ప్రారంభించండి.</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>పూర్తి పేరు</translation>
    </message>
    <message>
        <source>3 to 8 digits</source>
        <translation>3 నుండి 8 అంకెలు</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>సిబ్బంది నంబర్</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>పిన్</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>పిన్ మళ్లీ</translation>
    </message>
    <message>
        <source>The PIN is {low} to {high} digits, not one digit repeated (like 0000) and not a run (like 1234 or 9876).</source>
        <translation>పిన్ {low} నుండి {high} అంకెలు ఉండాలి, ఒకే అంకె పునరావృతం కాకూడదు (ఉదా. 0000), వరుస అంకెలు కాకూడదు (ఉదా. 1234 లేదా 9876).</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>మేనేజర్‌ను సృష్టించండి</translation>
    </message>
    <message>
        <source>Creating the manager ...</source>
        <translation>మేనేజర్‌ను సృష్టిస్తోంది ...</translation>
    </message>
    <message>
        <source>Could not create the manager: {error}</source>
        <translation>మేనేజర్‌ను సృష్టించలేకపోయాం: {error}</translation>
    </message>
    <message>
        <source>Manager {name} ({number}) created. Sign in with that staff number and PIN.</source>
        <translation>మేనేజర్ {name} ({number}) సృష్టించబడ్డారు. ఆ సిబ్బంది నంబర్, పిన్‌తో సైన్ ఇన్ చేయండి.</translation>
    </message>
    <message>
        <source>The manager</source>
        <translation>మేనేజర్</translation>
    </message>
    <message>
        <source>The cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>as customers know it</source>
        <translation>కస్టమర్లకు తెలిసిన పేరు</translation>
    </message>
    <message>
        <source>City</source>
        <translation>నగరం</translation>
    </message>
    <message>
        <source>Cinema name</source>
        <translation>సినిమా హాల్ పేరు</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>టైమ్ జోన్</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Cinema id (optional)</source>
        <translation>సినిమా హాల్ ఐడి (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation>పేరు నుండి తయారవుతుంది</translation>
    </message>
    <message>
        <source>Create the cinema and the manager</source>
        <translation>సినిమా హాల్ మరియు మేనేజర్‌ను సృష్టించండి</translation>
    </message>
    <message>
        <source>Cinema {cinema} ({id}) created.</source>
        <translation>సినిమా హాల్ {cinema} ({id}) సృష్టించబడింది.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Box Office Kiosk: set up this device</source>
        <translation>బాక్స్ ఆఫీస్ కియోస్క్: ఈ పరికరాన్ని సెటప్ చేయండి</translation>
    </message>
    <message>
        <source>Join this device to a cinema</source>
        <translation>ఈ పరికరాన్ని ఒక సినిమా హాల్‌కు జోడించండి</translation>
    </message>
    <message>
        <source>The cloud is switched on ({where}, table {table}), but this device has no cinema yet. Enter the cinema id your manager gave you. The device will fetch the schedule, prices and staff list from the cloud; no demo data is loaded.</source>
        <translation>క్లౌడ్ ఆన్‌లో ఉంది ({where}, టేబుల్ {table}), కానీ ఈ పరికరం ఇంకా ఏ సినిమా హాల్‌కూ జోడించబడలేదు. మీ మేనేజర్ ఇచ్చిన సినిమా హాల్ ఐడీని నమోదు చేయండి. పరికరం షెడ్యూల్, ధరలు, సిబ్బంది జాబితాను క్లౌడ్ నుండి తెచ్చుకుంటుంది; డెమో డేటా లోడ్ చేయబడదు.</translation>
    </message>
    <message>
        <source>cinema id, e.g. hyd-central</source>
        <translation>సినిమా హాల్ ఐడీ, ఉదా. hyd-central</translation>
    </message>
    <message>
        <source>Join cinema</source>
        <translation>సినిమా హాల్‌కు జోడించండి</translation>
    </message>
    <message>
        <source>Use the demo data instead</source>
        <translation>బదులుగా డెమో డేటా వాడండి</translation>
    </message>
    <message>
        <source>Cinema id</source>
        <translation>సినిమా హాల్ ఐడీ</translation>
    </message>
    <message>
        <source>This device&apos;s kiosk id</source>
        <translation>ఈ పరికరం కియోస్క్ ఐడీ</translation>
    </message>
    <message>
        <source>Joining {cinema} ...</source>
        <translation>{cinema} కు జోడిస్తోంది ...</translation>
    </message>
    <message>
        <source>Joining failed unexpectedly: {error}</source>
        <translation>జోడించడం అనుకోకుండా విఫలమైంది: {error}</translation>
    </message>
</context>
<context>
    <name>FoodPanel</name>
    <message>
        <source>Food and drink</source>
        <translation>తినుబండారాలు</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>ఐటమ్ తీసివేయండి</translation>
    </message>
    <message>
        <source>None yet. Tap an item to add it; tap again for one more.</source>
        <translation>ఇంకా ఏమీ లేదు. జోడించడానికి ఐటమ్‌ను తాకండి; ఇంకొకటి కోసం మళ్ళీ తాకండి.</translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation>%1 ఎంచుకోండి</translation>
    </message>
</context>
<context>
    <name>GiftCardScreen</name>
    <message>
        <source>Gift cards</source>
        <translation>గిఫ్ట్ కార్డులు</translation>
    </message>
    <message>
        <source>Gift card code</source>
        <translation>గిఫ్ట్ కార్డ్ కోడ్</translation>
    </message>
    <message>
        <source>Check balance</source>
        <translation>బ్యాలెన్స్ చూడండి</translation>
    </message>
    <message>
        <source>Amount to put on the card</source>
        <translation>కార్డ్‌లో వేయాల్సిన మొత్తం</translation>
    </message>
    <message>
        <source>Sell a new card</source>
        <translation>కొత్త కార్డ్ అమ్మండి</translation>
    </message>
    <message>
        <source>Top up this card</source>
        <translation>ఈ కార్డ్‌లో మొత్తం జోడించండి</translation>
    </message>
    <message>
        <source>Back to sales (Esc)</source>
        <translation>అమ్మకాలకు వెనుకకు (Esc)</translation>
    </message>
    <message>
        <source>Sell or top up</source>
        <translation>అమ్మండి లేదా జోడించండి</translation>
    </message>
    <message>
        <source>Cash needs an open shift (sign in again to open one).</source>
        <translation>నగదుకు తెరిచిన షిఫ్ట్ కావాలి (షిఫ్ట్ తెరవడానికి మళ్ళీ సైన్ ఇన్ చేయండి).</translation>
    </message>
    <message>
        <source>A card sold or topped up shows here, with its code as a QR.</source>
        <translation>అమ్మిన లేదా జోడించిన కార్డ్ ఇక్కడ దాని కోడ్ QR తో కనిపిస్తుంది.</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>కార్డు ప్రింట్ చేయి</translation>
    </message>
    <message>
        <source>Save card PDF</source>
        <translation>కార్డు PDF సేవ్ చేయి</translation>
    </message>
    <message>
        <source>active</source>
        <translation>చురుకుగా ఉంది</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>నిలిపివేయబడింది</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; holds &lt;b&gt;%2&lt;/b&gt; · %3 · valid until %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;లో &lt;b&gt;%2&lt;/b&gt; ఉంది · %3 · %4 వరకు చెల్లుతుంది</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>జోడించబడింది</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>ఖర్చు చేయబడింది</translation>
    </message>
    <message>
        <source>refunded onto it</source>
        <translation>రీఫండ్‌గా తిరిగి వచ్చింది</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>తరలించబడింది</translation>
    </message>
    <message>
        <source>Cash received (empty: the exact amount)</source>
        <translation>అందుకున్న నగదు (ఖాళీ: సరిగ్గా ఆ మొత్తం)</translation>
    </message>
    <message>
        <source>Last 4 digits of the card</source>
        <translation>కార్డు చివరి 4 అంకెలు</translation>
    </message>
    <message>
        <source>UPI reference (UTR)</source>
        <translation>UPI రిఫరెన్స్ (UTR)</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>PDF రాయలేకపోయాం: %1</translation>
    </message>
    <message>
        <source>Gift card saved to %1</source>
        <translation>గిఫ్ట్ కార్డు %1 లో సేవ్ అయింది</translation>
    </message>
    <message>
        <source>Gift card sent to the printer.</source>
        <translation>గిఫ్ట్ కార్డు ప్రింటర్‌కు పంపబడింది.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>ప్రింటింగ్ రద్దయింది.</translation>
    </message>
    <message>
        <source>Type the amount as a number, for example 1000.</source>
        <translation>మొత్తాన్ని అంకెలలో టైప్ చేయండి, ఉదాహరణకు 1000.</translation>
    </message>
    <message>
        <source>Type the amount to put on the card, or tap one.</source>
        <translation>కార్డ్‌లో వేయాల్సిన మొత్తం టైప్ చేయండి, లేదా ఒకటి ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Gift card sold</source>
        <translation>గిఫ్ట్ కార్డ్ అమ్ముడైంది</translation>
    </message>
    <message>
        <source>Gift card topped up</source>
        <translation>గిఫ్ట్ కార్డ్‌లో మొత్తం జోడించబడింది</translation>
    </message>
    <message>
        <source>Give the customer the card or this code; the QR carries it.</source>
        <translation>కస్టమర్‌కు కార్డ్ లేదా ఈ కోడ్ ఇవ్వండి; QR లో అదే ఉంది.</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>తిరిగి ఇవ్వాల్సింది %1</translation>
    </message>
</context>
<context>
    <name>HallEditorScreen</name>
    <message>
        <source>Standard</source>
        <translation>సాధారణ</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>వీల్‌చైర్</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
    <message>
        <source>Aisle / gap</source>
        <translation>నడవ / ఖాళీ</translation>
    </message>
    <message>
        <source>Hall editor</source>
        <translation>హాల్ ఎడిటర్</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>హాల్ పేరు</translation>
    </message>
    <message>
        <source>Wheelchair spaces need a companion seat beside them</source>
        <translation>వీల్‌చైర్ స్థలాల పక్కన సహాయకుడి సీటు ఉండాలి</translation>
    </message>
    <message>
        <source>New hall</source>
        <translation>కొత్త హాల్</translation>
    </message>
    <message>
        <source>Paint with</source>
        <translation>దీనితో నింపండి</translation>
    </message>
    <message>
        <source>Label of the chosen row (click a row label)</source>
        <translation>ఎంచుకున్న వరుస లేబుల్ (వరుస లేబుల్‌పై క్లిక్ చేయండి)</translation>
    </message>
    <message>
        <source>Label A, B, C…</source>
        <translation>లేబుల్ A, B, C…</translation>
    </message>
    <message>
        <source>+ Row</source>
        <translation>+ వరుస</translation>
    </message>
    <message>
        <source>− Row</source>
        <translation>− వరుస</translation>
    </message>
    <message>
        <source>+ Column</source>
        <translation>+ నిలువు వరుస</translation>
    </message>
    <message>
        <source>− Column</source>
        <translation>− నిలువు వరుస</translation>
    </message>
    <message>
        <source> px cells</source>
        <translation> px గడులు</translation>
    </message>
    <message>
        <source>SCREEN</source>
        <translation>తెర</translation>
    </message>
    <message>
        <source>Save hall</source>
        <translation>హాల్ సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 సీట్లు)</translation>
    </message>
    <message>
        <source>%1 seats (%2). Ready to save.</source>
        <translation>%1 సీట్లు (%2). సేవ్ చేయవచ్చు.</translation>
    </message>
    <message>
        <source>Saved %1: %2 seats.</source>
        <translation>%1 సేవ్ అయింది: %2 సీట్లు.</translation>
    </message>
</context>
<context>
    <name>HallGrid</name>
    <message>
        <source>Hall seat grid</source>
        <translation>హాల్ సీట్ల గ్రిడ్</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Back</source>
        <translation>వెనుకకు</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>మళ్ళీ ప్రారంభించండి</translation>
    </message>
    <message>
        <source>Seats held for %1</source>
        <translation>మీ సీట్లు ఇంకా %1 పాటు ఉంచబడతాయి</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Shows</source>
        <translation>షోలు</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>సినిమాలు</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>హాళ్ళు</translation>
    </message>
    <message>
        <source>Price lists</source>
        <translation>ధరల జాబితాలు</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>ఫైల్ నుండి గుర్తించు</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>ఫైల్ ఎంచుకోలేదు</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>దిగుమతి</translation>
    </message>
    <message>
        <source>Choose CSV / JSON file</source>
        <translation>CSV / JSON ఫైల్ ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Import all rows</source>
        <translation>అన్ని వరుసలు దిగుమతి చేయండి</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>ఎక్కడ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>సమస్య</translation>
    </message>
    <message>
        <source>The file is checked first and nothing is saved until you press Import; one bad row stops the whole file, so nothing is half-imported.</source>
        <translation>ముందుగా ఫైల్ తనిఖీ అవుతుంది, మీరు దిగుమతి నొక్కే వరకు ఏదీ సేవ్ కాదు; ఒక తప్పు వరుస ఉన్నా మొత్తం ఫైల్ ఆగిపోతుంది, కాబట్టి సగం దిగుమతి జరగదు.</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>ఫైల్ దిగుమతి</translation>
    </message>
    <message>
        <source>CSV or JSON (*.csv *.json)</source>
        <translation>CSV లేదా JSON (*.csv *.json)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>మార్పు</translation>
    </message>
    <message>
        <source>%1 rows read, %2 problems: fix the file and choose it again. Nothing was imported.</source>
        <translation>%1 వరుసలు చదివాం, %2 సమస్యలు: ఫైల్ సరిచేసి మళ్ళీ ఎంచుకోండి. ఏదీ దిగుమతి కాలేదు.</translation>
    </message>
    <message>
        <source>%1 rows ready to import.</source>
        <translation>%1 వరుసలు దిగుమతికి సిద్ధం.</translation>
    </message>
    <message>
        <source>Imported %1 rows from %2.</source>
        <translation>%2 నుండి %1 వరుసలు దిగుమతి అయ్యాయి.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Box Office Kiosk</source>
        <translation>బాక్స్ ఆఫీస్ కియోస్క్</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>కౌంటర్</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>స్వయం సేవ</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>మేనేజర్</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>ద్వారం</translation>
    </message>
    <message>
        <source>Kiosk %1 · %2</source>
        <translation>కియోస్క్ %1 · %2</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>అధిక కాంట్రాస్ట్</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>పెద్ద అక్షరాలు</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Cloud sync off (this kiosk sells locally)</source>
        <translation>క్లౌడ్ సింక్ ఆఫ్ (ఈ కియోస్క్ స్థానికంగా అమ్ముతుంది)</translation>
    </message>
    <message>
        <source>Cloud sync not available</source>
        <translation>క్లౌడ్ సింక్ అందుబాటులో లేదు</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>కనెక్ట్ అవుతోంది…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ఆన్‌లైన్</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ఆఫ్‌లైన్</translation>
    </message>
    <message>
        <source>Seat claims paused: check this kiosk&apos;s clock</source>
        <translation>సీట్ బుకింగ్ ఆగింది: ఈ కియోస్క్ గడియారం చూడండి</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n పంపాల్సి ఉంది</numerusform>
            <numerusform>%n పంపాల్సి ఉంది</numerusform>
        </translation>
    </message>
    <message>
        <source>all sent</source>
        <translation>అన్నీ పంపబడ్డాయి</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) for a manager</source>
        <translation>
            <numerusform>మేనేజర్ కోసం %n వివాదం</numerusform>
            <numerusform>మేనేజర్ కోసం %n వివాదాలు</numerusform>
        </translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>చివరి లోపం: %1</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>డెమో</translation>
    </message>
    <message>
        <source>Demo data: the demo staff PINs are published, so this is not a cinema&apos;s own database. A real kiosk starts without --demo and asks for its first manager.</source>
        <translation>డెమో డేటా: డెమో సిబ్బంది పిన్‌లు బహిరంగంగా ప్రచురించబడ్డాయి, కాబట్టి ఇది ఏ సినిమా హాల్ సొంత డేటాబేస్ కాదు. నిజమైన కియోస్క్ --demo లేకుండా ప్రారంభమై, తన మొదటి మేనేజర్‌ను అడుగుతుంది.</translation>
    </message>
</context>
<context>
    <name>ManagerMode</name>
    <message>
        <source>Manager sign-in</source>
        <translation>మేనేజర్ సైన్-ఇన్</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>%n నిమిషం ఏ చర్యా లేనందున లాక్ అయింది. మళ్ళీ సైన్ ఇన్ చేయండి.</numerusform>
            <numerusform>%n నిమిషాలు ఏ చర్యా లేనందున లాక్ అయింది. మళ్ళీ సైన్ ఇన్ చేయండి.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>సైన్ అవుట్ అయింది.</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>That did not work; nothing was changed. Please try again.</source>
        <translation>అది పని చేయలేదు; ఏదీ మారలేదు. దయచేసి మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ఫైళ్లు (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 రాయలేకపోయాం: %2.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>డాష్‌బోర్డ్</translation>
    </message>
    <message>
        <source>Refund approvals</source>
        <translation>రీఫండ్ ఆమోదాలు</translation>
    </message>
    <message>
        <source>Cash-ups</source>
        <translation>నగదు లెక్కలు</translation>
    </message>
    <message>
        <source>Food and drink stock</source>
        <translation>ఆహారం, పానీయాల స్టాక్</translation>
    </message>
    <message>
        <source>Offers and codes</source>
        <translation>ఆఫర్లు, కోడ్‌లు</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>షెడ్యూల్</translation>
    </message>
    <message>
        <source>Hall editor</source>
        <translation>హాల్ ఎడిటర్</translation>
    </message>
    <message>
        <source>Kiosks and sync</source>
        <translation>కియోస్క్‌లు, సింక్</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ఆడిట్ లాగ్</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>సిబ్బంది</translation>
    </message>
    <message>
        <source>Day close (Z)</source>
        <translation>రోజు ముగింపు (Z)</translation>
    </message>
    <message>
        <source>Manager · %1</source>
        <translation>మేనేజర్ · %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>సైన్ అవుట్</translation>
    </message>
</context>
<context>
    <name>MemberBar</name>
    <message>
        <source>Member&apos;s mobile number</source>
        <translation>సభ్యుని మొబైల్ నంబర్</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>పేరు (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>New member&apos;s name (optional)</source>
        <translation>కొత్త సభ్యుని పేరు (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>సభ్యుని కనుగొను</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>చేర్చు</translation>
    </message>
    <message>
        <source>History</source>
        <translation>చరిత్ర</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>సభ్యుడు లేరు</translation>
    </message>
    <message>
        <source>Type the member&apos;s mobile number.</source>
        <translation>సభ్యుని మొబైల్ నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Member %1 joined.</source>
        <translation>సభ్యుడు %1 చేరారు.</translation>
    </message>
    <message>
        <source>%1%2 · %3 points (worth %4)</source>
        <translation>%1%2 · %3 పాయింట్లు (విలువ %4)</translation>
    </message>
    <message>
        <source>last known: the cloud cannot be asked now</source>
        <translation>చివరిగా తెలిసినది: ఇప్పుడు క్లౌడ్‌ను అడగలేము</translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation>+%1 పాయింట్లు</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>ఇంకా అమ్మకాలు లేవు.</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members pay member prices and earn points. Type your mobile number.</source>
        <translation>సభ్యులు సభ్యుల ధరలు చెల్లిస్తారు, పాయింట్లు సంపాదిస్తారు. మీ మొబైల్ నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>మొబైల్ నంబర్</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>రద్దు చేయి</translation>
    </message>
    <message>
        <source>Join free</source>
        <translation>ఉచితంగా చేరండి</translation>
    </message>
    <message>
        <source>Find me</source>
        <translation>నన్ను కనుగొను</translation>
    </message>
    <message>
        <source>This number is not a member yet. Tap Join free to join now.</source>
        <translation>ఈ నంబర్ ఇంకా సభ్యత్వంలో లేదు. ఇప్పుడే చేరడానికి “ఉచితంగా చేరండి” నొక్కండి.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>మూసివేయండి</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>సందేశాన్ని మూసివేయండి</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Clear</source>
        <translation>క్లియర్</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>ఎంటర్</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>చివరి అంకె తొలగించండి</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>బ్యాక్‌స్పేస్</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <source>Offer</source>
        <translation>ఆఫర్</translation>
    </message>
    <message>
        <source>Takes off</source>
        <translation>తగ్గింపు</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>కోడ్</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>వాడకం</translation>
    </message>
    <message>
        <source>For</source>
        <translation>ఎవరికి</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>అమ్మకాలు</translation>
    </message>
    <message>
        <source>State</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ఐడీ</translation>
    </message>
    <message>
        <source>Percent off each ticket</source>
        <translation>ప్రతి టికెట్‌పై శాతం తగ్గింపు</translation>
    </message>
    <message>
        <source>Amount off the tickets</source>
        <translation>టికెట్లపై మొత్తం తగ్గింపు</translation>
    </message>
    <message>
        <source>Each ticket at a price</source>
        <translation>ప్రతి టికెట్ ఒక ధరకు</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 తగ్గింపు</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 కు</translation>
    </message>
    <message>
        <source>members</source>
        <translation>సభ్యులు</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>%1 టికెట్లు</translation>
    </message>
    <message>
        <source>film %1</source>
        <translation>సినిమా %1</translation>
    </message>
    <message>
        <source>films %1</source>
        <translation>సినిమాలు %1</translation>
    </message>
    <message>
        <source>shows %1–%2</source>
        <translation>షోలు %1–%2</translation>
    </message>
    <message>
        <source>all tickets</source>
        <translation>అన్ని టికెట్లు</translation>
    </message>
    <message>
        <source>Offers and promo codes</source>
        <translation>ఆఫర్లు, ప్రోమో కోడ్‌లు</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>కొత్త ఆఫర్</translation>
    </message>
    <message>
        <source>Automatic offers (no code) apply by themselves: each ticket takes its best one. A code applies on top, to the tickets it fits. Member prices apply when the sale names a loyalty member. Offers are withdrawn, never deleted: past sales keep naming them.</source>
        <translation>ఆటోమేటిక్ ఆఫర్లు (కోడ్ లేనివి) వాటంతట అవే వర్తిస్తాయి: ప్రతి టికెట్‌కు దాని ఉత్తమ ఆఫర్ వస్తుంది. కోడ్ దానిపై అదనంగా, సరిపోయే టికెట్లకు వర్తిస్తుంది. అమ్మకంలో లాయల్టీ సభ్యుడి పేరు ఉంటే సభ్యుల ధరలు వర్తిస్తాయి. ఆఫర్లను ఉపసంహరిస్తారు, ఎప్పుడూ తొలగించరు: గత అమ్మకాలు వాటిని సూచిస్తూనే ఉంటాయి.</translation>
    </message>
    <message>
        <source>id, e.g. tuesday</source>
        <translation>ఐడీ, ఉదా. tuesday</translation>
    </message>
    <message>
        <source>printed name, e.g. Tuesday saver</source>
        <translation>ప్రింట్ అయ్యే పేరు, ఉదా. Tuesday saver</translation>
    </message>
    <message>
        <source>10 (percent) or 150.00</source>
        <translation>10 (శాతం) లేదా 150.00</translation>
    </message>
    <message>
        <source>code (empty: automatic)</source>
        <translation>కోడ్ (ఖాళీ: ఆటోమేటిక్)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>పరిమితి లేదు</translation>
    </message>
    <message>
        <source>sales from YYYY-MM-DD</source>
        <translation>అమ్మకాలు YYYY-MM-DD నుండి</translation>
    </message>
    <message>
        <source>sales until YYYY-MM-DD</source>
        <translation>అమ్మకాలు YYYY-MM-DD వరకు</translation>
    </message>
    <message>
        <source>shows from HH:MM</source>
        <translation>షోలు HH:MM నుండి</translation>
    </message>
    <message>
        <source>shows before HH:MM</source>
        <translation>షోలు HH:MM లోపు</translation>
    </message>
    <message>
        <source>film ids (empty: every film)</source>
        <translation>సినిమా ఐడీలు (ఖాళీ: అన్ని సినిమాలు)</translation>
    </message>
    <message>
        <source>Members only (member price)</source>
        <translation>సభ్యులకు మాత్రమే (సభ్యుల ధర)</translation>
    </message>
    <message>
        <source>Name (printed)</source>
        <translation>పేరు (ప్రింట్ అయ్యేది)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>రకం</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>విలువ</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>ప్రోమో కోడ్</translation>
    </message>
    <message>
        <source>Most uses (code)</source>
        <translation>గరిష్ఠ వాడకం (కోడ్)</translation>
    </message>
    <message>
        <source>Sales from</source>
        <translation>అమ్మకాలు నుండి</translation>
    </message>
    <message>
        <source>Sales until</source>
        <translation>అమ్మకాలు వరకు</translation>
    </message>
    <message>
        <source>Show days</source>
        <translation>షో రోజులు</translation>
    </message>
    <message>
        <source>Shows from</source>
        <translation>షోలు నుండి</translation>
    </message>
    <message>
        <source>Shows before</source>
        <translation>షోలు లోపు</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>టికెట్ రకాలు</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>సినిమాలు</translation>
    </message>
    <message>
        <source>Save offer</source>
        <translation>ఆఫర్ సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>ఉపసంహరించు</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 లో %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 నుండి %2</translation>
    </message>
    <message>
        <source>always</source>
        <translation>ఎల్లప్పుడూ</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>ఆటోమేటిక్</translation>
    </message>
    <message>
        <source>active</source>
        <translation>చురుకుగా ఉంది</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ఉపసంహరించబడింది</translation>
    </message>
    <message>
        <source>The value is a whole percent (10), or an amount such as 150 or 99.50.</source>
        <translation>విలువ పూర్ణ శాతం (10), లేదా 150 లేదా 99.50 వంటి మొత్తం.</translation>
    </message>
    <message>
        <source>Saved offer %1.</source>
        <translation>ఆఫర్ %1 సేవ్ అయింది.</translation>
    </message>
    <message>
        <source>Please choose an offer in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక ఆఫర్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Withdrew %1.</source>
        <translation>%1 ఉపసంహరించబడింది.</translation>
    </message>
    <message>
        <source>Every day (none ticked)</source>
        <translation>ప్రతి రోజు (ఏదీ టిక్ చేయలేదు)</translation>
    </message>
    <message>
        <source>Only on the days ticked</source>
        <translation>టిక్ చేసిన రోజుల్లో మాత్రమే</translation>
    </message>
    <message>
        <source>Every ticket type (none ticked)</source>
        <translation>అన్ని టికెట్ రకాలు (ఏదీ టిక్ చేయలేదు)</translation>
    </message>
    <message>
        <source>Only the ticket types ticked</source>
        <translation>టిక్ చేసిన టికెట్ రకాలు మాత్రమే</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>Payment</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>Gift card (F11)</source>
        <translation>గిఫ్ట్ కార్డ్ (F11)</translation>
    </message>
    <message>
        <source>Gift card code</source>
        <translation>గిఫ్ట్ కార్డ్ కోడ్</translation>
    </message>
    <message>
        <source>Amount on this card, UPI or gift card</source>
        <translation>ఈ కార్డ్, UPI లేదా గిఫ్ట్ కార్డ్‌పై మొత్తం</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>అందిన నగదు</translation>
    </message>
    <message>
        <source>Cash (F7)</source>
        <translation>నగదు (F7)</translation>
    </message>
    <message>
        <source>Card (F8)</source>
        <translation>కార్డు (F8)</translation>
    </message>
    <message>
        <source>UPI (F10)</source>
        <translation>UPI (F10)</translation>
    </message>
    <message>
        <source>Last 4 digits of the card</source>
        <translation>కార్డు చివరి 4 అంకెలు</translation>
    </message>
    <message>
        <source>Take the card payment on the terminal first, then type the last four digits from its slip.</source>
        <translation>ముందుగా టెర్మినల్‌లో కార్డు చెల్లింపు తీసుకోండి, తర్వాత దాని రసీదు నుండి చివరి నాలుగు అంకెలు టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>UPI reference (UTR)</source>
        <translation>UPI రిఫరెన్స్ (UTR)</translation>
    </message>
    <message>
        <source>UPI reference</source>
        <translation>UPI రిఫరెన్స్</translation>
    </message>
    <message>
        <source>UPI payment QR code</source>
        <translation>UPI చెల్లింపు QR కోడ్</translation>
    </message>
    <message>
        <source>Amount (empty: all still to pay)</source>
        <translation>మొత్తం (ఖాళీ: మిగిలినదంతా)</translation>
    </message>
    <message>
        <source>Add as part payment (F4)</source>
        <translation>పాక్షిక చెల్లింపుగా జోడించండి (F4)</translation>
    </message>
    <message>
        <source>Remove part payments</source>
        <translation>పాక్షిక చెల్లింపులు తీసివేయండి</translation>
    </message>
    <message>
        <source>Check the payment arrived on the UPI app, then type the 12-digit UTR it shows.</source>
        <translation>UPI యాప్‌లో చెల్లింపు వచ్చిందో చూసి, అది చూపే 12 అంకెల UTR ను టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>గిఫ్ట్ కార్డ్</translation>
    </message>
    <message>
        <source>Type or scan the code on the card. It pays what it holds; take the rest another way.</source>
        <translation>కార్డ్‌పై ఉన్న కోడ్‌ను టైప్ చేయండి లేదా స్కాన్ చేయండి. కార్డ్‌లో ఉన్నంత చెల్లిస్తుంది; మిగతాది వేరే విధంగా తీసుకోండి.</translation>
    </message>
    <message>
        <source>Customer e-mail or mobile for the confirmation (optional)</source>
        <translation>నిర్ధారణ కోసం కస్టమర్ ఈ-మెయిల్ లేదా మొబైల్ (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Customer e-mail or mobile (optional)</source>
        <translation>కస్టమర్ ఈ-మెయిల్ లేదా మొబైల్ (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>నిర్ధారించండి</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>వెనుకకు (Esc)</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>చెల్లింపును నిర్ధారించండి</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>చెల్లించాల్సిన మొత్తం</translation>
    </message>
    <message>
        <source>UPI takes rupees only: take card or cash.</source>
        <translation>UPI రూపాయలలో మాత్రమే: కార్డ్ లేదా నగదు తీసుకోండి.</translation>
    </message>
    <message>
        <source>Cash needs an open shift (sign in again to open one).</source>
        <translation>నగదుకు తెరిచిన షిఫ్ట్ కావాలి (షిఫ్ట్ తెరవడానికి మళ్ళీ సైన్ ఇన్ చేయండి).</translation>
    </message>
    <message>
        <source>%1 · %2 · seats %3</source>
        <translation>%1 · %2 · సీట్లు %3</translation>
    </message>
    <message>
        <source>Exchange of %1: new seats %2, credit from the old booking %3.</source>
        <translation>%1 మార్పిడి: కొత్త సీట్లు %2, పాత బుకింగ్ నుండి జమ %3.</translation>
    </message>
    <message>
        <source>Give back %1 to the original payment method.</source>
        <translation>%1 ను అసలు చెల్లింపు పద్ధతికి తిరిగి ఇవ్వండి.</translation>
    </message>
    <message>
        <source>Member&apos;s points pay %1</source>
        <translation>సభ్యుని పాయింట్లు %1 చెల్లిస్తాయి</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>సరిగ్గా</translation>
    </message>
    <message>
        <source>This gift card is blocked and cannot pay.</source>
        <translation>ఈ గిఫ్ట్ కార్డ్ నిలిపివేయబడింది, దీనితో చెల్లించలేరు.</translation>
    </message>
    <message>
        <source>This gift card expired on %1.</source>
        <translation>ఈ గిఫ్ట్ కార్డ్ గడువు %1న ముగిసింది.</translation>
    </message>
    <message>
        <source>This gift card holds %1, not %2.</source>
        <translation>ఈ గిఫ్ట్ కార్డ్‌లో %1 ఉంది, %2 కాదు.</translation>
    </message>
    <message>
        <source>Holds %1 · valid until %2</source>
        <translation>మిగిలింది %1 · %2 వరకు చెల్లుతుంది</translation>
    </message>
    <message>
        <source>Choose card, UPI or gift card, enter its details and an amount up to %1.</source>
        <translation>కార్డ్, UPI లేదా గిఫ్ట్ కార్డ్ ఎంచుకుని, దాని వివరాలు మరియు %1 వరకు మొత్తం నమోదు చేయండి.</translation>
    </message>
    <message>
        <source>This gift card pays %1: add it as a part payment (F4), then take the rest another way.</source>
        <translation>ఈ గిఫ్ట్ కార్డ్ %1 చెల్లిస్తుంది: దీన్ని పాక్షిక చెల్లింపుగా జోడించండి (F4), మిగతాది వేరే విధంగా తీసుకోండి.</translation>
    </message>
    <message>
        <source>Enter the gift card code.</source>
        <translation>గిఫ్ట్ కార్డ్ కోడ్ నమోదు చేయండి.</translation>
    </message>
    <message>
        <source>Still to pay %1: take it in cash, or by card, UPI or gift card.</source>
        <translation>ఇంకా %1 చెల్లించాలి: నగదు, లేదా కార్డ్, UPI లేదా గిఫ్ట్ కార్డ్ ద్వారా తీసుకోండి.</translation>
    </message>
    <message>
        <source>Part payments: %1</source>
        <translation>పాక్షిక చెల్లింపులు: %1</translation>
    </message>
    <message>
        <source>Still to pay %1</source>
        <translation>ఇంకా చెల్లించాల్సింది %1</translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation>%1 తక్కువ</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>తిరిగి ఇవ్వాల్సింది %1</translation>
    </message>
    <message>
        <source>Customer scans to pay %1 to %2.</source>
        <translation>%2 కు %1 చెల్లించడానికి కస్టమర్ స్కాన్ చేస్తారు.</translation>
    </message>
    <message>
        <source>No UPI QR set up on this kiosk: the customer pays %1 on the cinema&apos;s UPI stand.</source>
        <translation>ఈ కియోస్క్‌లో UPI QR ఏర్పాటు చేయలేదు: కస్టమర్ సినిమా UPI స్టాండ్‌లో %1 చెల్లిస్తారు.</translation>
    </message>
    <message>
        <source>Enter the cash received (at least the amount due)</source>
        <translation>అందిన నగదు నమోదు చేయండి (కనీసం చెల్లించాల్సిన మొత్తం)</translation>
    </message>
    <message>
        <source>Enter the last four digits of the card.</source>
        <translation>కార్డు చివరి నాలుగు అంకెలు నమోదు చేయండి.</translation>
    </message>
    <message>
        <source>Enter the UPI reference: the 12-digit UTR on the customer&apos;s payment screen.</source>
        <translation>UPI రిఫరెన్స్ నమోదు చేయండి: కస్టమర్ చెల్లింపు స్క్రీన్‌పై ఉన్న 12 అంకెల UTR.</translation>
    </message>
    <message>
        <source>Confirming the sale…</source>
        <translation>అమ్మకం నిర్ధారిస్తోంది…</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>కార్డుతో చెల్లించండి</translation>
    </message>
    <message>
        <source>We only keep the last four digits of your card. You are charged when you confirm, after checking your order.</source>
        <translation>మేము మీ కార్డు చివరి నాలుగు అంకెలు మాత్రమే ఉంచుకుంటాము. మీ ఆర్డర్ సరిచూసి నిర్ధారించినప్పుడే డబ్బు తీసుకోబడుతుంది.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>కొనసాగించండి</translation>
    </message>
    <message>
        <source>Card ending %1 read.</source>
        <translation>%1 తో ముగిసే కార్డు చదవబడింది.</translation>
    </message>
    <message>
        <source>Use the card reader on the right.</source>
        <translation>కుడివైపు ఉన్న కార్డు రీడర్‌ను ఉపయోగించండి.</translation>
    </message>
</context>
<context>
    <name>Poster</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 గం %2 ని</translation>
    </message>
</context>
<context>
    <name>PriceListsTab</name>
    <message>
        <source>Price list</source>
        <translation>ధరల జాబితా</translation>
    </message>
    <message>
        <source>New price list</source>
        <translation>కొత్త ధరల జాబితా</translation>
    </message>
    <message>
        <source>e.g. 18 or 12.5</source>
        <translation>ఉదా. 18 లేదా 12.5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Tax included, %</source>
        <translation>పన్ను కలిపి, %</translation>
    </message>
    <message>
        <source>Prices include tax, in major units (250 or 250.50). Every seat type x ticket type needs a price.</source>
        <translation>ధరల్లో పన్ను కలిసి ఉంటుంది, ప్రధాన యూనిట్లలో (250 లేదా 250.50). ప్రతి సీటు రకం x టికెట్ రకానికి ధర ఉండాలి.</translation>
    </message>
    <message>
        <source>Save price list</source>
        <translation>ధరల జాబితా సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>The %1 %2 price %3 is not an amount.</source>
        <translation>%1 %2 ధర %3 సరైన మొత్తం కాదు.</translation>
    </message>
    <message>
        <source>The tax rate is a percentage such as 18 or 12.5.</source>
        <translation>పన్ను రేటు 18 లేదా 12.5 వంటి శాతం.</translation>
    </message>
    <message>
        <source>Saved price list %1.</source>
        <translation>ధరల జాబితా %1 సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>PromoPanel</name>
    <message>
        <source>Type your promo code or voucher code</source>
        <translation>మీ ప్రోమో కోడ్ లేదా వోచర్ కోడ్ టైప్ చేయండి</translation>
    </message>
    <message>
        <source>Promo code or voucher</source>
        <translation>ప్రోమో కోడ్ లేదా వోచర్</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>రద్దు చేయి</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>కోడ్ వర్తింపజేయి</translation>
    </message>
</context>
<context>
    <name>Refund</name>
    <message>
        <source>confirmed</source>
        <translation>నిర్ధారించబడింది</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>పాక్షికంగా రీఫండ్</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>రీఫండ్ అయింది</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>రద్దు</translation>
    </message>
    <message>
        <source>exchanged</source>
        <translation>మార్చబడింది</translation>
    </message>
    <message>
        <source>in conflict (see a manager)</source>
        <translation>వివాదంలో ఉంది (మేనేజర్‌ను కలవండి)</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>gift card</source>
        <translation>గిఫ్ట్ కార్డ్</translation>
    </message>
    <message>
        <source>points</source>
        <translation>పాయింట్లు</translation>
    </message>
    <message>
        <source>the original payments (card first, cash last)</source>
        <translation>అసలు చెల్లింపులు (ముందు కార్డు, చివరగా నగదు)</translation>
    </message>
</context>
<context>
    <name>RefundReason</name>
    <message>
        <source>Customer request</source>
        <translation>కస్టమర్ అభ్యర్థన</translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation>షో రద్దయింది</translation>
    </message>
    <message>
        <source>Wrong show sold</source>
        <translation>తప్పు షో అమ్మారు</translation>
    </message>
    <message>
        <source>Duplicate sale</source>
        <translation>రెండుసార్లు అమ్మకం</translation>
    </message>
    <message>
        <source>Technical fault</source>
        <translation>సాంకేతిక లోపం</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>ఇతర (కారణం చెప్పండి)</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>బుకింగ్ రద్దయింది</translation>
    </message>
    <message>
        <source>Seats sold elsewhere first</source>
        <translation>సీట్లు ముందే వేరే చోట అమ్ముడయ్యాయి</translation>
    </message>
    <message>
        <source>Exchanged for another show</source>
        <translation>వేరే షోకి మార్చారు</translation>
    </message>
</context>
<context>
    <name>RefundScreen</name>
    <message>
        <source>Refund or exchange</source>
        <translation>రీఫండ్ లేదా మార్పిడి</translation>
    </message>
    <message>
        <source>Booking reference, or scan the ticket QR</source>
        <translation>బుకింగ్ రిఫరెన్స్, లేదా టికెట్ QR స్కాన్ చేయండి</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>బుకింగ్ రిఫరెన్స్</translation>
    </message>
    <message>
        <source>Find booking</source>
        <translation>బుకింగ్ వెతకండి</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>రీఫండ్ కారణం</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>కారణం ఎంచుకోండి…</translation>
    </message>
    <message>
        <source>Say why</source>
        <translation>కారణం చెప్పండి</translation>
    </message>
    <message>
        <source>The reason in your words</source>
        <translation>మీ మాటల్లో కారణం</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>అన్నీ ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Refund selected seats</source>
        <translation>ఎంచుకున్న సీట్లకు రీఫండ్ చేయండి</translation>
    </message>
    <message>
        <source>Exchange for another show</source>
        <translation>వేరే షోకి మార్చండి</translation>
    </message>
    <message>
        <source>Pay out now from my drawer</source>
        <translation>ఇప్పుడే నా డ్రాయర్ నుండి ఇవ్వండి</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>Back to sales (Esc)</source>
        <translation>అమ్మకాలకు వెనుకకు (Esc)</translation>
    </message>
    <message>
        <source>Type the booking reference from the ticket, or scan its QR code.</source>
        <translation>టికెట్ మీది బుకింగ్ రిఫరెన్స్ టైప్ చేయండి, లేదా దాని QR కోడ్ స్కాన్ చేయండి.</translation>
    </message>
    <message>
        <source>Paid %1 by %2; refunded so far %3</source>
        <translation>%2 ద్వారా %1 చెల్లించారు; ఇప్పటివరకు రీఫండ్ %3</translation>
    </message>
    <message>
        <source>Paid %1: %2; refunded so far %3. Refunds go back card first, cash last.</source>
        <translation>%1 చెల్లించారు: %2; ఇప్పటివరకు రీఫండ్ %3. రీఫండ్ ముందు కార్డుకు, చివరగా నగదుగా.</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>రీఫండ్ అయింది</translation>
    </message>
    <message>
        <source>This booking is %1: nothing left to refund.</source>
        <translation>ఈ బుకింగ్ %1: రీఫండ్ చేయడానికి ఏమీ మిగలలేదు.</translation>
    </message>
    <message>
        <source>Food and drink with it: %1 (type that reference to refund it).</source>
        <translation>దీనితో తినుబండారాలు: %1 (రీఫండ్ కోసం ఆ రిఫరెన్స్ టైప్ చేయండి).</translation>
    </message>
    <message>
        <source>food and drink</source>
        <translation>తినుబండారాలు</translation>
    </message>
    <message>
        <source>%1 refunded</source>
        <translation>%1 రీఫండ్ అయ్యాయి</translation>
    </message>
    <message>
        <source>Everything of %1 is refunded already.</source>
        <translation>%1 లోని అన్నీ ఇప్పటికే రీఫండ్ అయ్యాయి.</translation>
    </message>
    <message>
        <source>Give back %1: %2. What was returned is back in the stand&apos;s stock.</source>
        <translation>%1 తిరిగి ఇవ్వండి: %2. తిరిగి వచ్చినవి స్టాండ్ స్టాక్‌లోకి చేరాయి.</translation>
    </message>
    <message>
        <source>To pay out: %1</source>
        <translation>ఇవ్వాల్సింది: %1</translation>
    </message>
    <message>
        <source>approved after its shift closed; pay it from your drawer.</source>
        <translation>షిఫ్ట్ ముగిసిన తర్వాత ఆమోదించబడింది; మీ డ్రాయర్ నుండి ఇవ్వండి.</translation>
    </message>
    <message>
        <source>Paid out %1 from your drawer.</source>
        <translation>మీ డ్రాయర్ నుండి %1 ఇచ్చారు.</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>గమనిక (ఐచ్ఛికం)</translation>
    </message>
    <message>
        <source>Choose a reason for the refund.</source>
        <translation>రీఫండ్‌కు కారణం ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Say in a few words why (Other).</source>
        <translation>కారణాన్ని కొన్ని మాటల్లో చెప్పండి (ఇతర).</translation>
    </message>
    <message>
        <source>cash from your drawer %1</source>
        <translation>మీ డ్రాయర్ నుండి నగదు %1</translation>
    </message>
    <message>
        <source>Tick what the customer gives back to see the amount and where it goes.</source>
        <translation>మొత్తం, అది ఎక్కడికి వెళ్తుందో చూడటానికి కస్టమర్ తిరిగి ఇచ్చేవాటిని టిక్ చేయండి.</translation>
    </message>
    <message>
        <source>To give back: %1</source>
        <translation>తిరిగి ఇవ్వాల్సింది: %1</translation>
    </message>
    <message>
        <source>Goes to: %1</source>
        <translation>ఎక్కడికి: %1</translation>
    </message>
    <message>
        <source>Past your limit: a manager makes this refund.</source>
        <translation>మీ పరిమితి దాటింది: ఈ రీఫండ్ మేనేజర్ చేస్తారు.</translation>
    </message>
    <message>
        <source>Past your limit: it waits for a manager&apos;s approval before any money goes back.</source>
        <translation>మీ పరిమితి దాటింది: డబ్బు తిరిగి ఇచ్చే ముందు మేనేజర్ ఆమోదం కోసం వేచి ఉంటుంది.</translation>
    </message>
    <message>
        <source>Give back %1 for seats %2: %3. The seats are on sale again.</source>
        <translation>సీట్లు %2 కోసం %1 తిరిగి ఇవ్వండి: %3. సీట్లు మళ్ళీ అమ్మకానికి ఉన్నాయి.</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>రీఫండ్ చేస్తోంది…</translation>
    </message>
    <message>
        <source>Refund selected items</source>
        <translation>ఎంచుకున్న ఐటమ్స్ రీఫండ్ చేయండి</translation>
    </message>
    <message>
        <source>Waiting for a manager&apos;s approval.</source>
        <translation>మేనేజర్ ఆమోదం కోసం వేచి ఉంది.</translation>
    </message>
    <message>
        <source>Refund of %1 for seats %2 is recorded but NOT paid yet. Do not give money back until a manager approves it.</source>
        <translation>సీట్లు %2 కోసం %1 రీఫండ్ నమోదైంది కానీ ఇంకా చెల్లించలేదు. మేనేజర్ ఆమోదించే వరకు డబ్బు తిరిగి ఇవ్వకండి.</translation>
    </message>
    <message>
        <source>Refund approved: to pay out.</source>
        <translation>రీఫండ్ ఆమోదించబడింది: డబ్బు ఇవ్వాలి.</translation>
    </message>
    <message>
        <source>No shift is open on this kiosk, so no drawer paid the %1 for seats %2 yet: open a shift and pay it out.</source>
        <translation>ఈ కియోస్క్‌లో షిఫ్ట్ తెరిచి లేదు, కాబట్టి సీట్లు %2 కోసం %1 ఇంకా ఏ డ్రాయర్ నుండీ ఇవ్వలేదు: షిఫ్ట్ తెరిచి డబ్బు ఇవ్వండి.</translation>
    </message>
    <message>
        <source>Refund complete.</source>
        <translation>రీఫండ్ పూర్తయింది.</translation>
    </message>
    <message>
        <source>Refund for %1 waits for a manager: do not pay it out yet.</source>
        <translation>%1 రీఫండ్ మేనేజర్ ఆమోదం కోసం వేచి ఉంది: ఇప్పుడే డబ్బు ఇవ్వకండి.</translation>
    </message>
</context>
<context>
    <name>RefundsScreen</name>
    <message>
        <source>Refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>అభ్యర్థన సమయం</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>బుకింగ్</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>సీట్లు</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>పరికరం</translation>
    </message>
    <message>
        <source>Decision sent</source>
        <translation>నిర్ణయం పంపబడింది</translation>
    </message>
    <message>
        <source>Back to</source>
        <translation>ఎక్కడికి</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>అభ్యర్థించినవారు</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>ఆమోద సమయం</translation>
    </message>
    <message>
        <source>To pay out</source>
        <translation>చెల్లించాల్సినవి</translation>
    </message>
    <message>
        <source>Refund approvals</source>
        <translation>రీఫండ్ ఆమోదాలు</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>Refunds over the cashier limit wait here. Approving pays the money back and frees the seats; rejecting needs a comment. Another device&apos;s request is sent to it and paid from its drawer at its next sync.</source>
        <translation>క్యాషియర్ పరిమితి దాటిన రీఫండ్‌లు ఇక్కడ వేచి ఉంటాయి. ఆమోదిస్తే డబ్బు తిరిగి చెల్లించి సీట్లు విడుదలవుతాయి; తిరస్కరించడానికి వ్యాఖ్య అవసరం. వేరే పరికరం అభ్యర్థన దానికి పంపబడి, తదుపరి సింక్‌లో దాని డ్రాయర్ నుండి చెల్లించబడుతుంది.</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>వ్యాఖ్య (తిరస్కరించడానికి తప్పనిసరి)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>తిరస్కరించండి</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>ఆమోదించండి</translation>
    </message>
    <message>
        <source>Approved, but no open shift has paid them yet. Whoever pays the customer presses Pay out: it comes out of their open shift&apos;s drawer.</source>
        <translation>ఆమోదించబడ్డాయి, కానీ ఇంకా ఏ తెరిచిన షిఫ్ట్ చెల్లించలేదు. కస్టమర్‌కు ఎవరు చెల్లిస్తారో వారు «నా షిఫ్ట్ నుండి చెల్లించండి» నొక్కాలి: అది వారి తెరిచిన షిఫ్ట్ డ్రాయర్ నుండి వెళ్తుంది.</translation>
    </message>
    <message>
        <source>Pay out from my shift</source>
        <translation>నా షిఫ్ట్ నుండి చెల్లించండి</translation>
    </message>
    <message>
        <source>To pay out (%1)</source>
        <translation>చెల్లించాల్సినవి (%1)</translation>
    </message>
    <message>
        <source>Please choose a refund in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక రీఫండ్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Approval of %1&apos;s refund sent to %2: it pays the customer back from its drawer at its next sync.</source>
        <translation>%1 రీఫండ్ ఆమోదం %2 కు పంపబడింది: తదుపరి సింక్‌లో అది తన డ్రాయర్ నుండి కస్టమర్‌కు చెల్లిస్తుంది.</translation>
    </message>
    <message>
        <source>Refund %1 approved. No open shift could pay it, so it is TO PAY OUT: pay it from an open drawer (the cashier&apos;s next shift, or yours).</source>
        <translation>రీఫండ్ %1 ఆమోదించబడింది. ఏ తెరిచిన షిఫ్ట్ దీన్ని చెల్లించలేకపోయింది, కాబట్టి ఇది చెల్లించాల్సినది: తెరిచిన డ్రాయర్ నుండి చెల్లించండి (క్యాషియర్ తదుపరి షిఫ్ట్ లేదా మీది).</translation>
    </message>
    <message>
        <source>Refund %1 approved: pay the customer back.</source>
        <translation>రీఫండ్ %1 ఆమోదించబడింది: కస్టమర్‌కు డబ్బు తిరిగి ఇవ్వండి.</translation>
    </message>
    <message>
        <source>Please choose a refund to pay out first.</source>
        <translation>దయచేసి ముందుగా చెల్లించాల్సిన రీఫండ్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Refund %1 paid out from your shift&apos;s drawer.</source>
        <translation>రీఫండ్ %1 మీ షిఫ్ట్ డ్రాయర్ నుండి చెల్లించబడింది.</translation>
    </message>
    <message>
        <source>Please type why the refund is rejected; the cashier will see it.</source>
        <translation>రీఫండ్ ఎందుకు తిరస్కరించారో టైప్ చేయండి; క్యాషియర్ దాన్ని చూస్తారు.</translation>
    </message>
    <message>
        <source>Rejection sent to %1: the cashier sees it at its next sync.</source>
        <translation>తిరస్కరణ %1 కు పంపబడింది: తదుపరి సింక్‌లో క్యాషియర్ దాన్ని చూస్తారు.</translation>
    </message>
    <message>
        <source>Refund %1 rejected.</source>
        <translation>రీఫండ్ %1 తిరస్కరించబడింది.</translation>
    </message>
</context>
<context>
    <name>ReportColumn</name>
    <message>
        <source>Bookings</source>
        <translation>బుకింగ్‌లు</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>టికెట్లు</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>స్థూల అమ్మకాలు</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Tickets refunded</source>
        <translation>రీఫండ్ అయిన టికెట్లు</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>రీఫండ్ మొత్తం</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>మార్పిడులు</translation>
    </message>
    <message>
        <source>Tickets exchanged</source>
        <translation>మార్చిన టికెట్లు</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>మార్పిడి జమ</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>నికర అమ్మకాలు</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>పన్ను</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>నికర ఆదాయం</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Tax on sales</source>
        <translation>అమ్మకాలపై పన్ను</translation>
    </message>
    <message>
        <source>Tax refunded</source>
        <translation>రీఫండ్ అయిన పన్ను</translation>
    </message>
    <message>
        <source>Tax on exchange credit</source>
        <translation>మార్పిడి జమపై పన్ను</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>సగటు టికెట్</translation>
    </message>
    <message>
        <source>Refunds awaiting approval</source>
        <translation>ఆమోదం కోసం వేచి ఉన్న రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>ఆమోదం కోసం వేచి ఉంది</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>చెల్లింపు విధానం</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>చెల్లింపులు</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>వసూలు</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>నికరం</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>అమ్మిన ఐటమ్స్</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>అమ్మకాలు</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>ప్రవేశాలు</translation>
    </message>
    <message>
        <source>Food and drink per admission</source>
        <translation>ఒక్కో ప్రవేశానికి తినుబండారాలు</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>వర్గం</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>ఐటమ్</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>ఆఫర్</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>కోడ్</translation>
    </message>
    <message>
        <source>Tickets in those sales</source>
        <translation>ఆ అమ్మకాల్లో టికెట్లు</translation>
    </message>
    <message>
        <source>Taken off</source>
        <translation>తగ్గించినది</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>గంట</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>హాల్</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>షో</translation>
    </message>
    <message>
        <source>Starts (local)</source>
        <translation>ప్రారంభం (స్థానిక)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>సిబ్బంది నం.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ఛానల్</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్మినవి</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>సామర్థ్యం</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>ఖాళీ</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>నిండిన శాతం</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>ప్రవేశించినవారు</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>ఎప్పుడు (స్థానిక)</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>బుకింగ్</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>సీట్లు</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>పద్ధతి</translation>
    </message>
    <message>
        <source>State</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>అభ్యర్థించినవారు</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>నిర్ణయించినవారు</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Check and confirm</source>
        <translation>సరిచూసి నిర్ధారించండి</translation>
    </message>
    <message>
        <source>Pay %1 and confirm</source>
        <translation>%1 చెల్లించి నిర్ధారించండి</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>When</source>
        <translation>ఎప్పుడు</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>ఎక్కడ</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>సీట్లు</translation>
    </message>
    <message>
        <source>Snacks</source>
        <translation>స్నాక్స్</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>ఆఫర్లు</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>Confirmation to</source>
        <translation>నిర్ధారణ పంపే చోటు</translation>
    </message>
    <message>
        <source>No confirmation message</source>
        <translation>నిర్ధారణ సందేశం వద్దు</translation>
    </message>
    <message>
        <source>Taking payment… please wait.</source>
        <translation>చెల్లింపు తీసుకుంటోంది… దయచేసి వేచి ఉండండి.</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>yes</source>
        <translation>అవును</translation>
    </message>
    <message>
        <source>no</source>
        <translation>కాదు</translation>
    </message>
</context>
<context>
    <name>ScheduleScreen</name>
    <message>
        <source>Schedule</source>
        <translation>షెడ్యూల్</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>షోలు</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>సినిమాలు</translation>
    </message>
    <message>
        <source>Price lists</source>
        <translation>ధరల జాబితాలు</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>దిగుమతి</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
</context>
<context>
    <name>SeatLegend</name>
    <message>
        <source>Seat map legend</source>
        <translation>సీట్ల పటం సూచిక</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>ఖాళీ</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>ఎంచుకున్నవి</translation>
    </message>
    <message>
        <source>Held elsewhere</source>
        <translation>వేరే చోట నిలిపి ఉంది</translation>
    </message>
    <message>
        <source>Reserved for this kiosk</source>
        <translation>ఈ కియోస్క్ కోసం కేటాయించబడింది</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>అందుబాటులో లేదు</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>వీల్‌చైర్ స్థలం</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్ముడైంది</translation>
    </message>
</context>
<context>
    <name>SeatMapPanel</name>
    <message>
        <source>Seat details</source>
        <translation>సీటు వివరాలు</translation>
    </message>
    <message>
        <source>Whole hall</source>
        <translation>మొత్తం హాల్</translation>
    </message>
    <message>
        <source>The hall is big: tap a block of seats to see its seats up close.</source>
        <translation>హాల్ పెద్దది: సీట్ల భాగాన్ని తాకితే దాని సీట్లు దగ్గరగా కనిపిస్తాయి.</translation>
    </message>
    <message>
        <source>Tap a seat to select it; tap it again to free it.</source>
        <translation>సీటు ఎంచుకోవడానికి తాకండి; వదిలేయడానికి మళ్ళీ తాకండి.</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>చిన్నది చేయండి</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>పెద్దది చేయండి</translation>
    </message>
    <message>
        <source>Show the whole hall</source>
        <translation>మొత్తం హాల్ చూపించండి</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <source>Seat map</source>
        <translation>సీట్ల పటం</translation>
    </message>
    <message>
        <source>Arrow keys move between seats, Home and End go to the ends of the row; Space or Enter selects the seat; plus, minus and 0 zoom.</source>
        <translation>బాణం కీలతో సీట్ల మధ్య కదలండి, Home, End తో వరుస చివర్లకు; స్పేస్ లేదా ఎంటర్‌తో సీటు ఎంచుకోండి; ప్లస్, మైనస్, 0 తో జూమ్.</translation>
    </message>
    <message>
        <source>SCREEN</source>
        <translation>తెర</translation>
    </message>
    <message>
        <source>Rows %1</source>
        <translation>వరుసలు %1</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 ఖాళీ</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>సీటు %1</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>సాధారణ</translation>
    </message>
    <message>
        <source>premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>wheelchair space</source>
        <translation>వీల్‌చైర్ స్థలం</translation>
    </message>
    <message>
        <source>companion seat</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
    <message>
        <source>free</source>
        <translation>ఖాళీ</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ఎంచుకున్నది</translation>
    </message>
    <message>
        <source>held elsewhere</source>
        <translation>వేరే చోట నిలిపి ఉంది</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>అమ్ముడైంది</translation>
    </message>
    <message>
        <source>free, reserved for this kiosk</source>
        <translation>ఖాళీ, ఈ కియోస్క్ కోసం కేటాయించబడింది</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>అందుబాటులో లేదు</translation>
    </message>
</context>
<context>
    <name>SeatsScreen</name>
    <message>
        <source>Chosen seats</source>
        <translation>ఎంచుకున్న సీట్లు</translation>
    </message>
    <message>
        <source>Tap a seat, or ask for the best seats together.</source>
        <translation>ఒక సీటును తాకండి, లేదా పక్కపక్కన ఉత్తమ సీట్లు అడగండి.</translation>
    </message>
    <message>
        <source>Clear seats</source>
        <translation>సీట్లు తీసివేయండి</translation>
    </message>
    <message>
        <source>Ticket types  ⏎</source>
        <translation>టికెట్ రకాలు  ⏎</translation>
    </message>
    <message>
        <source>Back to shows (Esc)</source>
        <translation>షోలకు వెనుకకు (Esc)</translation>
    </message>
    <message>
        <source>Sorry, these seats were just taken by another sale: %1. Please choose others.</source>
        <translation>క్షమించండి, ఈ సీట్లు ఇప్పుడే వేరే అమ్మకంలో పోయాయి: %1. దయచేసి వేరేవి ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Seat %1 is not available. Please choose another seat.</source>
        <translation>సీటు %1 అందుబాటులో లేదు. దయచేసి వేరే సీటు ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Updating seats…</source>
        <translation>సీట్లు నవీకరిస్తోంది…</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), %1 (adult)</source>
        <translation>
            <numerusform>%n సీటు, %1 (పెద్దలు)</numerusform>
            <numerusform>%n సీట్లు, %1 (పెద్దలు)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose your seats</source>
        <translation>మీ సీట్లు ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Sorry, seat %1 was just taken. Please choose another.</source>
        <translation>క్షమించండి, సీటు %1 ఇప్పుడే తీసుకోబడింది. దయచేసి వేరేది ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Your seats were released because time ran out. Please choose again.</source>
        <translation>సమయం ముగిసినందున మీ సీట్లు విడుదలయ్యాయి. దయచేసి మళ్ళీ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Please try again.</source>
        <translation>క్షమించండి, ఏదో తప్పు జరిగింది. దయచేసి మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>Seat %1 cannot be sold from this kiosk right now. Please choose another.</source>
        <translation>సీటు %1 ను ప్రస్తుతం ఈ కియోస్క్ నుండి అమ్మలేము. దయచేసి వేరేది ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Seat %1 is taken. Please choose another.</source>
        <translation>సీటు %1 ఇప్పటికే తీసుకోబడింది. దయచేసి వేరేది ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Tap a free seat to choose it.</source>
        <translation>ఎంచుకోవడానికి ఖాళీ సీటును తాకండి.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>కొనసాగించండి</translation>
    </message>
    <message>
        <source>Your seats: %1</source>
        <translation>మీ సీట్లు: %1</translation>
    </message>
    <message>
        <source>Adult price %1</source>
        <translation>పెద్దల ధర %1</translation>
    </message>
    <message numerus="yes">
        <source>Continue with %n seat(s)</source>
        <translation>
            <numerusform>%n సీటుతో కొనసాగండి</numerusform>
            <numerusform>%n సీట్లతో కొనసాగండి</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfServiceWidget</name>
    <message>
        <source>Your card was not charged.</source>
        <translation>మీ కార్డు నుండి డబ్బు తీసుకోలేదు.</translation>
    </message>
    <message>
        <source>Sorry, the payment could not be completed. Your card was not charged.</source>
        <translation>క్షమించండి, చెల్లింపు పూర్తి కాలేదు. మీ కార్డు నుండి డబ్బు తీసుకోలేదు.</translation>
    </message>
    <message>
        <source>The ticket printer is not available. Show the code on screen at the entrance.</source>
        <translation>టికెట్ ప్రింటర్ అందుబాటులో లేదు. ప్రవేశ ద్వారం వద్ద తెరపై ఉన్న కోడ్ చూపించండి.</translation>
    </message>
    <message>
        <source>The printer had a problem (%1). Your booking is confirmed; show the code at the entrance.</source>
        <translation>ప్రింటర్‌లో సమస్య వచ్చింది (%1). మీ బుకింగ్ నిర్ధారించబడింది; ప్రవేశ ద్వారం వద్ద కోడ్ చూపించండి.</translation>
    </message>
    <message>
        <source>Printing your ticket… please take it below.</source>
        <translation>మీ టికెట్ ప్రింట్ అవుతోంది… దయచేసి కింద నుండి తీసుకోండి.</translation>
    </message>
    <message>
        <source>Sorry, your booking could not be found just now. Please ask at the counter.</source>
        <translation>క్షమించండి, మీ బుకింగ్ ఇప్పుడు దొరకలేదు. దయచేసి కౌంటర్‌లో అడగండి.</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>మీ టికెట్లు ప్రింట్ అవుతున్నాయి…</translation>
    </message>
    <message>
        <source>Take your tickets below.</source>
        <translation>క్రింద మీ టికెట్లు తీసుకోండి.</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Your booking %1 is confirmed: show the code on this screen at the entrance, or collect your tickets at the counter.</source>
        <translation>టికెట్ ప్రింటర్ పని చేయడం లేదు. మీ బుకింగ్ %1 నిర్ధారించబడింది: ప్రవేశ ద్వారం వద్ద ఈ స్క్రీన్‌లోని కోడ్ చూపించండి, లేదా కౌంటర్‌లో టికెట్లు తీసుకోండి.</translation>
    </message>
    <message>
        <source>Your seats were released because time ran out. Please choose again.</source>
        <translation>సమయం ముగిసినందున మీ సీట్లు విడుదలయ్యాయి. దయచేసి మళ్ళీ ఎంచుకోండి.</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <source>Close shift</source>
        <translation>షిఫ్ట్ ముగించండి</translation>
    </message>
    <message>
        <source>Not now (Esc)</source>
        <translation>ఇప్పుడు కాదు (Esc)</translation>
    </message>
    <message>
        <source>Close your shift: count the drawer</source>
        <translation>మీ షిఫ్ట్ ముగించండి: డ్రాయర్ లెక్కించండి</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>తదుపరి</translation>
    </message>
    <message>
        <source>UPI settlement total</source>
        <translation>UPI సెటిల్‌మెంట్ మొత్తం</translation>
    </message>
    <message>
        <source>Card terminal batch total</source>
        <translation>కార్డు టెర్మినల్ బ్యాచ్ మొత్తం</translation>
    </message>
    <message>
        <source>See the shift report</source>
        <translation>షిఫ్ట్ నివేదిక చూడండి</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>అంచనా</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>లెక్కించినది</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>తేడా</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Your shift report</source>
        <translation>మీ షిఫ్ట్ నివేదిక</translation>
    </message>
    <message>
        <source>Read it through. Closing the shift cannot be undone: go back to the count to correct a number.</source>
        <translation>పూర్తిగా చదవండి. షిఫ్ట్ ముగింపును వెనక్కి తీసుకోలేరు: ఏదైనా సంఖ్య సరిచేయడానికి లెక్కకు వెనుకకు వెళ్ళండి.</translation>
    </message>
    <message>
        <source>Back to the count</source>
        <translation>లెక్కకు వెనుకకు</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>షిఫ్ట్ ముగిసింది</translation>
    </message>
    <message>
        <source>Print the slip</source>
        <translation>స్లిప్ ప్రింట్ చేయండి</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>స్లిప్‌ను PDF గా సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>సైన్ అవుట్</translation>
    </message>
    <message>
        <source>No shift is open on this kiosk for you.</source>
        <translation>ఈ కియోస్క్‌లో మీకు షిఫ్ట్ తెరిచి లేదు.</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer, float included, then the card terminal&apos;s batch total and the UPI settlement total.</source>
        <translation>డ్రాయర్‌లో ప్రతి నోటు, నాణెం ఎన్ని ఉన్నాయో టైప్ చేయండి (ఫ్లోట్‌తో కలిపి), తర్వాత కార్డు టెర్మినల్ బ్యాచ్ మొత్తం, UPI సెటిల్‌మెంట్ మొత్తం.</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer, float included, then the card terminal&apos;s batch total.</source>
        <translation>డ్రాయర్‌లో ప్రతి నోటు, నాణెం ఎన్ని ఉన్నాయో టైప్ చేయండి (ఫ్లోట్‌తో కలిపి), తర్వాత కార్డు టెర్మినల్ బ్యాచ్ మొత్తం.</translation>
    </message>
    <message>
        <source>In the drawer: %1</source>
        <translation>డ్రాయర్‌లో: %1</translation>
    </message>
    <message>
        <source>Type the card terminal&apos;s batch total (0 if it shows no sales).</source>
        <translation>కార్డు టెర్మినల్ బ్యాచ్ మొత్తం టైప్ చేయండి (అమ్మకాలు లేకపోతే 0).</translation>
    </message>
    <message>
        <source>Type the UPI settlement total (0 if there were no UPI payments).</source>
        <translation>UPI సెటిల్‌మెంట్ మొత్తం టైప్ చేయండి (UPI చెల్లింపులు లేకపోతే 0).</translation>
    </message>
    <message>
        <source>Printing the slip…</source>
        <translation>స్లిప్ ప్రింట్ అవుతోంది…</translation>
    </message>
    <message>
        <source>The slip is printed: sign it and put it in the drawer bag.</source>
        <translation>స్లిప్ ప్రింట్ అయింది: సంతకం చేసి డ్రాయర్ బ్యాగ్‌లో పెట్టండి.</translation>
    </message>
    <message>
        <source>The slip did not print. Save it as PDF instead.</source>
        <translation>స్లిప్ ప్రింట్ కాలేదు. బదులుగా PDF గా సేవ్ చేయండి.</translation>
    </message>
    <message>
        <source>The slip could not be saved (%1). The shift is closed and stored.</source>
        <translation>స్లిప్ సేవ్ కాలేదు (%1). షిఫ్ట్ ముగిసి, నిల్వ అయింది.</translation>
    </message>
    <message>
        <source>Slip saved as %1.</source>
        <translation>స్లిప్ %1 లో సేవ్ అయింది.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <source>Open your shift</source>
        <translation>మీ షిఫ్ట్ ప్రారంభించండి</translation>
    </message>
    <message>
        <source>Count the cash float in the drawer and type the amount. Cash sales need an open shift.</source>
        <translation>డ్రాయర్‌లోని ఫ్లోట్ నగదు లెక్కించి మొత్తం టైప్ చేయండి. నగదు అమ్మకాలకు షిఫ్ట్ తెరిచి ఉండాలి.</translation>
    </message>
    <message>
        <source>Float in the drawer</source>
        <translation>డ్రాయర్‌లో ఫ్లోట్</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>షిఫ్ట్ ప్రారంభించండి</translation>
    </message>
    <message>
        <source>Card sales only (skip)</source>
        <translation>కార్డు అమ్మకాలు మాత్రమే (దాటవేయండి)</translation>
    </message>
    <message>
        <source>Type the float amount, for example 2000.</source>
        <translation>ఫ్లోట్ మొత్తం టైప్ చేయండి, ఉదాహరణకు 2000.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>%1 ఫ్లోట్‌తో షిఫ్ట్ ప్రారంభమైంది.</translation>
    </message>
</context>
<context>
    <name>ShiftReportView</name>
    <message>
        <source>Cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>గిఫ్ట్ కార్డ్</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>పాయింట్లు</translation>
    </message>
    <message>
        <source>Cash in the drawer</source>
        <translation>డ్రాయర్‌లో నగదు</translation>
    </message>
    <message>
        <source>Card terminal batch</source>
        <translation>కార్డు టెర్మినల్ బ్యాచ్</translation>
    </message>
    <message>
        <source>UPI settlement</source>
        <translation>UPI సెటిల్‌మెంట్</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>సరిపోయింది</translation>
    </message>
    <message>
        <source>Over by %1</source>
        <translation>%1 ఎక్కువ</translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation>%1 తక్కువ</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>ముగింపు %1</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>ఇంకా తెరిచి ఉంది</translation>
    </message>
    <message>
        <source>Shift %1 · %2 (%3) · %4 · opened %5, %6</source>
        <translation>షిఫ్ట్ %1 · %2 (%3) · %4 · ప్రారంభం %5, %6</translation>
    </message>
    <message>
        <source>Beyond the variance limit, a manager reviews it: %1</source>
        <translation>తేడా పరిమితి దాటితే మేనేజర్ సమీక్షిస్తారు: %1</translation>
    </message>
    <message>
        <source>Taken by tender (net of refunds)</source>
        <translation>చెల్లింపు విధానం వారీగా వసూలు (రీఫండ్‌లు మినహా)</translation>
    </message>
    <message>
        <source>No sales on this shift.</source>
        <translation>ఈ షిఫ్ట్‌లో అమ్మకాలు లేవు.</translation>
    </message>
    <message>
        <source>Ticket sales</source>
        <translation>టికెట్ అమ్మకాలు</translation>
    </message>
    <message>
        <source>Food and drink sales</source>
        <translation>తినుబండారాల అమ్మకాలు</translation>
    </message>
    <message>
        <source>Drawer count</source>
        <translation>డ్రాయర్ లెక్క</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>నాణెం</translation>
    </message>
    <message>
        <source>note</source>
        <translation>నోటు</translation>
    </message>
    <message>
        <source>The drawer is empty.</source>
        <translation>డ్రాయర్ ఖాళీగా ఉంది.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>లెక్కించినది</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>తనిఖీలు</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>ఫ్లోట్</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>అంచనా</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>నమోదు చేసినది</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>తేడా</translation>
    </message>
</context>
<context>
    <name>ShowCard</name>
    <message>
        <source>Sold out</source>
        <translation>అన్నీ అమ్ముడయ్యాయి</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left</source>
        <translation>
            <numerusform>%n సీటు మాత్రమే మిగిలింది</numerusform>
            <numerusform>%n సీట్లు మాత్రమే మిగిలాయి</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) left</source>
        <translation>
            <numerusform>%n సీటు మిగిలింది</numerusform>
            <numerusform>%n సీట్లు మిగిలాయి</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 నుండి</translation>
    </message>
</context>
<context>
    <name>ShowTableModel</name>
    <message>
        <source>Today %1</source>
        <translation>ఈరోజు %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>రేపు %1</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Cert</source>
        <translation>సర్టిఫికెట్</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>భాష</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>హాల్</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>ప్రారంభం</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>మిగిలిన సీట్లు</translation>
    </message>
    <message>
        <source>From</source>
        <translation>నుండి</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>అన్నీ అమ్ముడయ్యాయి</translation>
    </message>
</context>
<context>
    <name>ShowTimeGrid</name>
    <message>
        <source>Quick sale:</source>
        <translation>త్వరిత అమ్మకం:</translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n పెద్దవారు</numerusform>
            <numerusform>%n పెద్దవారు</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n పిల్లవాడు</numerusform>
            <numerusform>%n పిల్లలు</numerusform>
        </translation>
    </message>
    <message>
        <source>Tap a show: the best %1 together are held and the sale goes to payment.</source>
        <translation>షోను తాకండి: %1 కోసం పక్కపక్కనే ఉత్తమ సీట్లు ఆపబడతాయి, అమ్మకం చెల్లింపుకు వెళ్తుంది.</translation>
    </message>
    <message>
        <source>Tap a show to choose seats on its map, or choose a quick sale first.</source>
        <translation>మ్యాప్‌లో సీట్లు ఎంచుకోవడానికి షోను తాకండి, లేదా ముందుగా త్వరిత అమ్మకం ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>No more shows today.</source>
        <translation>ఈరోజు ఇంకా షోలు లేవు.</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>అన్నీ అమ్ముడయ్యాయి</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n మిగిలింది</numerusform>
            <numerusform>%n మిగిలాయి</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowsScreen</name>
    <message>
        <source>Choose a show</source>
        <translation>షో ఎంచుకోండి</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>సర్టిఫికెట్ %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 గం %2 ని</translation>
    </message>
    <message>
        <source>No shows left for this film. Please go back and choose another.</source>
        <translation>ఈ సినిమాకు షోలు మిగలలేదు. దయచేసి వెనక్కి వెళ్ళి వేరేది ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>ఈరోజు</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>రేపు</translation>
    </message>
</context>
<context>
    <name>ShowsTab</name>
    <message>
        <source>Starts (local)</source>
        <translation>ప్రారంభం (స్థానిక)</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>హాల్</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>ధరల జాబితా</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>అమ్మినవి</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>స్థితి</translation>
    </message>
    <message>
        <source> days</source>
        <translation> రోజులు</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>From</source>
        <translation>నుండి</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>ప్రారంభం</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>కొత్త షో</translation>
    </message>
    <message>
        <source>Cancel show</source>
        <translation>షో రద్దు చేయి</translation>
    </message>
    <message>
        <source>Save show</source>
        <translation>షో సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>%1 (%2 min, %3)</source>
        <translation>%1 (%2 నిమి, %3)</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 సీట్లు)</translation>
    </message>
    <message>
        <source>Local time at the cinema (%1).</source>
        <translation>సినిమా హాల్ స్థానిక సమయం (%1).</translation>
    </message>
    <message>
        <source>Overlaps %1 %2-%3 (incl. %4 min cleaning).</source>
        <translation>%1 %2-%3 తో ఢీకొంటుంది (%4 నిమి శుభ్రతతో కలిపి).</translation>
    </message>
    <message>
        <source>Saved: %1 at %2, %3.</source>
        <translation>సేవ్ అయింది: %1 (%2), %3.</translation>
    </message>
    <message>
        <source>Please choose a show in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక షో ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>%1 at %2 is cancelled.</source>
        <translation>%2 కి ఉన్న %1 రద్దయింది.</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>షెడ్యూల్ అయింది</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>రద్దయింది</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>Staff sign-in</source>
        <translation>సిబ్బంది సైన్-ఇన్</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>సిబ్బంది నంబర్</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>పిన్</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>సైన్ ఇన్</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>తదుపరి</translation>
    </message>
    <message>
        <source>Type your staff number.</source>
        <translation>మీ సిబ్బంది నంబర్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>మీ పిన్ టైప్ చేయండి.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>తనిఖీ చేస్తోంది…</translation>
    </message>
    <message>
        <source>Only a manager can open the manager console.</source>
        <translation>మేనేజర్ కన్సోల్‌ను మేనేజర్ మాత్రమే తెరవగలరు.</translation>
    </message>
    <message>
        <source>Sign-in is not available right now. Please try again.</source>
        <translation>ప్రస్తుతం సైన్-ఇన్ అందుబాటులో లేదు. దయచేసి మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Counter sign-in</source>
        <translation>కౌంటర్ సైన్-ఇన్</translation>
    </message>
</context>
<context>
    <name>SnacksScreen</name>
    <message>
        <source>Add a snack?</source>
        <translation>ఏదైనా తినడానికి తీసుకుంటారా?</translation>
    </message>
    <message>
        <source>Popcorn and a drink, ready at the food counter with your booking reference. Tap to add, or go on without.</source>
        <translation>పాప్‌కార్న్, డ్రింక్ మీ బుకింగ్ రిఫరెన్స్‌తో ఫుడ్ కౌంటర్ వద్ద సిద్ధం. జోడించడానికి తాకండి, లేదా అవి లేకుండా ముందుకు వెళ్ళండి.</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>వద్దు, ధన్యవాదాలు</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>ఒకటి తక్కువ</translation>
    </message>
    <message>
        <source>Snacks %1</source>
        <translation>స్నాక్స్ %1</translation>
    </message>
    <message>
        <source>Add and pay</source>
        <translation>జోడించి చెల్లించండి</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>కొనసాగించండి</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Staff no.</source>
        <translation>సిబ్బంది నం.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>పాత్ర</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>చురుకు</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>తప్పు పిన్‌లు</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>లాక్ ఎప్పటివరకు</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>సిబ్బంది</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>క్యాషియర్</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>మేనేజర్</translation>
    </message>
    <message>
        <source>4 to 8 digits, not 0000 or 1234</source>
        <translation>4 నుండి 8 అంకెలు, 0000 లేదా 1234 కాదు</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits, not all the same digit and not a run such as 1234 or 9876.</source>
        <translation>పిన్ %1 నుండి %2 అంకెలు; అన్నీ ఒకే అంకె కాకూడదు, 1234 లేదా 9876 లాంటి వరుస కాకూడదు.</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>సిబ్బంది నంబర్</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>పిన్</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>సిబ్బందిని జోడించండి</translation>
    </message>
    <message>
        <source>Reset PIN of selected</source>
        <translation>ఎంచుకున్నవారి పిన్ రీసెట్</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>అన్‌లాక్</translation>
    </message>
    <message>
        <source>Make manager</source>
        <translation>మేనేజర్ చేయి</translation>
    </message>
    <message>
        <source>Make cashier</source>
        <translation>క్యాషియర్ చేయి</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>మళ్ళీ సక్రియం చేయి</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>నిష్క్రియం చేయి</translation>
    </message>
    <message>
        <source>Please choose a staff member in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక సిబ్బందిని ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>%1 (%2) can now sign in.</source>
        <translation>%1 (%2) ఇప్పుడు సైన్ ఇన్ చేయవచ్చు.</translation>
    </message>
    <message>
        <source>New PIN set for %1.</source>
        <translation>%1 కు కొత్త పిన్ సెట్ అయింది.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 అన్‌లాక్ అయ్యారు.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ఇక సైన్ ఇన్ చేయలేరు.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 మళ్ళీ సైన్ ఇన్ చేయవచ్చు.</translation>
    </message>
    <message>
        <source>%1 is now a manager.</source>
        <translation>%1 ఇప్పుడు మేనేజర్.</translation>
    </message>
    <message>
        <source>%1 is now a cashier.</source>
        <translation>%1 ఇప్పుడు క్యాషియర్.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Connecting…</source>
        <translation>కనెక్ట్ అవుతోంది…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ఆన్‌లైన్</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>ఆఫ్‌లైన్</translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation>సింక్ స్థితి తెలియదు</translation>
    </message>
    <message>
        <source>allocated seats only</source>
        <translation>కేటాయించిన సీట్లు మాత్రమే</translation>
    </message>
    <message>
        <source>optimistic (any seat, conflicts possible)</source>
        <translation>ఆశావహ (ఏ సీటైనా, వివాదాలు రావచ్చు)</translation>
    </message>
    <message>
        <source>%1 refused %2&apos;s approval: %3</source>
        <translation>%2 ఆమోదాన్ని %1 నిరాకరించింది: %3</translation>
    </message>
    <message>
        <source>%1 refused %2&apos;s rejection: %3</source>
        <translation>%2 తిరస్కరణను %1 నిరాకరించింది: %3</translation>
    </message>
    <message>
        <source>Approval by %1 applied</source>
        <translation>%1 ఆమోదం అమలైంది</translation>
    </message>
    <message>
        <source>Rejection by %1 applied</source>
        <translation>%1 తిరస్కరణ అమలైంది</translation>
    </message>
    <message>
        <source>Approval sent %1 by %2, not applied yet</source>
        <translation>%2 ఆమోదం పంపారు (%1), ఇంకా అమలు కాలేదు</translation>
    </message>
    <message>
        <source>Rejection sent %1 by %2, not applied yet</source>
        <translation>%2 తిరస్కరణ పంపారు (%1), ఇంకా అమలు కాలేదు</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>షో</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>టికెట్లు</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>సీట్లు</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>రకాలు</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>చెల్లింపు</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>పూర్తి</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>దశ %1/%2: %3</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Are you still there?</source>
        <translation>మీరు ఇంకా ఇక్కడే ఉన్నారా?</translation>
    </message>
    <message>
        <source>Yes, I&apos;m still here</source>
        <translation>అవును, ఇక్కడే ఉన్నాను</translation>
    </message>
    <message numerus="yes">
        <source>We will release your seats and start again in %n second(s).</source>
        <translation>
            <numerusform>%n సెకనులో మీ సీట్లు విడుదల చేసి మళ్ళీ ప్రారంభిస్తాము.</numerusform>
            <numerusform>%n సెకన్లలో మీ సీట్లు విడుదల చేసి మళ్ళీ ప్రారంభిస్తాము.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>We will start again in %n second(s).</source>
        <translation>
            <numerusform>%n సెకనులో మళ్ళీ ప్రారంభిస్తాము.</numerusform>
            <numerusform>%n సెకన్లలో మళ్ళీ ప్రారంభిస్తాము.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Item</source>
        <translation>ఐటమ్</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>వర్గం</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>ఉన్నవి</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>తక్కువ హద్దు</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>తనిఖీ</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>ఐటమ్ ఐడీ</translation>
    </message>
    <message>
        <source>Food and drink stock</source>
        <translation>ఆహారం, పానీయాల స్టాక్</translation>
    </message>
    <message>
        <source>Only low stock</source>
        <translation>తక్కువ స్టాక్ మాత్రమే</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>సినిమా హాల్</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>Counted on hand</source>
        <translation>లెక్కించిన నిల్వ</translation>
    </message>
    <message>
        <source>Warn at or below</source>
        <translation>ఇంత లేదా తక్కువైతే హెచ్చరిక</translation>
    </message>
    <message>
        <source>Save count</source>
        <translation>లెక్క సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Items without a count (coffee made to order) are not listed and never run out.</source>
        <translation>లెక్క లేని ఐటమ్స్ (ఆర్డర్‌పై చేసే కాఫీ) జాబితాలో ఉండవు, ఎప్పుడూ అయిపోవు.</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>తక్కువ</translation>
    </message>
    <message>
        <source>%1 counted items, %2 at or below their warning mark.</source>
        <translation>%1 లెక్కించిన ఐటమ్స్, %2 హెచ్చరిక స్థాయి లేదా అంతకంటే తక్కువ.</translation>
    </message>
    <message>
        <source>No counted items at this cinema.</source>
        <translation>ఈ సినిమా హాల్‌లో లెక్కించిన ఐటమ్స్ లేవు.</translation>
    </message>
    <message>
        <source>Please choose an item in the table first.</source>
        <translation>దయచేసి ముందుగా పట్టికలో ఒక ఐటమ్ ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>%1: %2 on hand.</source>
        <translation>%1: %2 ఉన్నాయి.</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sale</source>
        <translation>అమ్మకం</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>రీఫండ్</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>కస్టమర్‌కు సందేశం</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>బుకింగ్</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>చివరి అమ్మకం</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>చివరి సింక్</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>పంపాల్సినవి</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>అత్యంత పాత పెండింగ్</translation>
    </message>
    <message>
        <source>Offline seats unsold</source>
        <translation>అమ్మని ఆఫ్‌లైన్ సీట్లు</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>చివరి సమస్య</translation>
    </message>
    <message>
        <source>Show starts</source>
        <translation>షో ప్రారంభం</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>సినిమా</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>కేటాయించినవి</translation>
    </message>
    <message>
        <source>Sold from them</source>
        <translation>వాటిలో అమ్మినవి</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>షో</translation>
    </message>
    <message>
        <source>First admitted at</source>
        <translation>మొదటి ప్రవేశం</translation>
    </message>
    <message>
        <source>When</source>
        <translation>ఎప్పుడు</translation>
    </message>
    <message>
        <source>Admitted again at (offline)</source>
        <translation>మళ్ళీ ప్రవేశం (ఆఫ్‌లైన్)</translation>
    </message>
    <message>
        <source>Seats sold here</source>
        <translation>ఇక్కడ అమ్మిన సీట్లు</translation>
    </message>
    <message>
        <source>Taken elsewhere</source>
        <translation>వేరే చోట తీసుకున్నవి</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>కస్టమర్</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>చెల్లించినది</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>గుర్తించినది</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ఏమిటి</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>ఎప్పుడు ఆపింది</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>ప్రయత్నాలు</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>వరుస</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>ఎందుకు పంపలేదు</translation>
    </message>
    <message>
        <source>Kiosks and sync</source>
        <translation>కియోస్క్‌లు, సింక్</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>రిఫ్రెష్</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>కియోస్క్‌లు</translation>
    </message>
    <message>
        <source>Offline allocations by show</source>
        <translation>షో వారీగా ఆఫ్‌లైన్ కేటాయింపులు</translation>
    </message>
    <message>
        <source>Conflict queue: seats sold elsewhere first</source>
        <translation>వివాదాల వరుస: సీట్లు ముందే వేరే చోట అమ్ముడయ్యాయి</translation>
    </message>
    <message>
        <source>Re-seat (equal seats)</source>
        <translation>సీట్లు మార్చండి (సమాన సీట్లు)</translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation>పూర్తి రీఫండ్</translation>
    </message>
    <message>
        <source>Double admissions at the doors</source>
        <translation>ద్వారాల వద్ద రెండుసార్లు ప్రవేశాలు</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV ఎగుమతి</translation>
    </message>
    <message>
        <source>Not sent: sync gave up</source>
        <translation>పంపలేదు: సింక్ ప్రయత్నం ఆపేసింది</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ఎగుమతి…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>మళ్ళీ పంపండి</translation>
    </message>
    <message>
        <source>Cloud sync not configured: this kiosk sells from its own database only. %1 change(s) are kept in the local outbox and will be sent once cloud sync is turned on ([cloud] enabled = true).</source>
        <translation>క్లౌడ్ సింక్ సెటప్ చేయలేదు: ఈ కియోస్క్ తన సొంత డేటాబేస్ నుండే అమ్ముతుంది. %1 మార్పు(లు) లోకల్ అవుట్‌బాక్స్‌లో ఉన్నాయి, క్లౌడ్ సింక్ ఆన్ చేశాక పంపబడతాయి ([cloud] enabled = true).</translation>
    </message>
    <message>
        <source>Re-seating needs the cloud; a refund works offline.</source>
        <translation>సీట్లు మార్చడానికి క్లౌడ్ కావాలి; రీఫండ్ ఆఫ్‌లైన్‌లోనూ పనిచేస్తుంది.</translation>
    </message>
    <message>
        <source>Shared catalogue: this device has no cinema_id, so its shows, prices and staff are its own (set cinema_id or run `kiosk cloud join`).</source>
        <translation>షేర్డ్ కేటలాగ్: ఈ పరికరానికి cinema_id లేదు, కాబట్టి దీని షోలు, ధరలు, సిబ్బంది దీనివే (cinema_id సెట్ చేయండి లేదా `kiosk cloud join` అమలు చేయండి).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ఎప్పుడూ లేదు</translation>
    </message>
    <message>
        <source>Shared catalogue of %1: version %2 · last checked %3</source>
        <translation>%1 షేర్డ్ కేటలాగ్: వెర్షన్ %2 · చివరి తనిఖీ %3</translation>
    </message>
    <message>
        <source>not pulled yet</source>
        <translation>ఇంకా తీసుకోలేదు</translation>
    </message>
    <message>
        <source>your changes wait to be published (offline)</source>
        <translation>మీ మార్పులు ప్రచురణ కోసం వేచి ఉన్నాయి (ఆఫ్‌లైన్)</translation>
    </message>
    <message>
        <source>%1 record(s) changed here are not published yet (`kiosk cloud publish`, or edit again once online)</source>
        <translation>ఇక్కడ మార్చిన %1 రికార్డు(లు) ఇంకా ప్రచురించబడలేదు (`kiosk cloud publish`, లేదా ఆన్‌లైన్ అయ్యాక మళ్ళీ సవరించండి)</translation>
    </message>
    <message>
        <source>%1 item(s) could not be read and keep their last good copy:</source>
        <translation>%1 అంశం(లు) చదవలేకపోయాం, వాటి చివరి సరైన కాపీ ఉంచబడింది:</translation>
    </message>
    <message>
        <source>last refused publish (%1): %2</source>
        <translation>చివరిగా తిరస్కరించిన ప్రచురణ (%1): %2</translation>
    </message>
    <message>
        <source>%1 · policy %2 · last sent %3 · last pulled %4 · sales last verified in the cloud %5 · %6 waiting</source>
        <translation>%1 · పాలసీ %2 · చివరిగా పంపింది %3 · చివరిగా తీసుకుంది %4 · క్లౌడ్‌లో అమ్మకాల చివరి ధృవీకరణ %5 · %6 వేచి ఉన్నాయి</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>సమస్య: %1</translation>
    </message>
    <message>
        <source>Re-seat moves the booking to equal seats and tells the customer; refund pays it back in full.</source>
        <translation>సీట్లు మార్చితే బుకింగ్ సమాన సీట్లకు మారి కస్టమర్‌కు తెలియజేస్తుంది; రీఫండ్ మొత్తం డబ్బు తిరిగి ఇస్తుంది.</translation>
    </message>
    <message>
        <source>No booking is in conflict.</source>
        <translation>ఏ బుకింగూ వివాదంలో లేదు.</translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (needs a manager)</source>
        <translation>
            <numerusform>%n పంపలేదు (మేనేజర్ అవసరం)</numerusform>
            <numerusform>%n పంపలేదు (మేనేజర్ అవసరం)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) wait for a manager. Fix the cause the reason names, then choose a row and Retry.</source>
        <translation>
            <numerusform>%n వరుస మేనేజర్ కోసం వేచి ఉంది. కారణంలో చెప్పిన సమస్యను సరిచేసి, వరుసను ఎంచుకుని «మళ్ళీ పంపండి» నొక్కండి.</numerusform>
            <numerusform>%n వరుసలు మేనేజర్ కోసం వేచి ఉన్నాయి. కారణంలో చెప్పిన సమస్యను సరిచేసి, వరుసను ఎంచుకుని «మళ్ళీ పంపండి» నొక్కండి.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please choose a row in the not-sent list first.</source>
        <translation>దయచేసి ముందుగా «పంపలేదు» జాబితాలో ఒక వరుసను ఎంచుకోండి.</translation>
    </message>
    <message>
        <source>%1 will be sent again at the next sync.</source>
        <translation>%1 తదుపరి సింక్‌లో మళ్ళీ పంపబడుతుంది.</translation>
    </message>
    <message>
        <source>Export rows not sent</source>
        <translation>పంపని వరుసలను ఎగుమతి చేయండి</translation>
    </message>
    <message>
        <source>JSON files (*.json);;CSV files (*.csv)</source>
        <translation>JSON ఫైళ్ళు (*.json);;CSV ఫైళ్ళు (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 రాయలేకపోయాము: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>%n వరుస %1 లో సేవ్ అయింది.</numerusform>
            <numerusform>%n వరుసలు %1 లో సేవ్ అయ్యాయి.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Adult</source>
        <translation>పెద్దలు</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>పిల్లలు</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>వృద్ధులు</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>విద్యార్థి</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>సాధారణ</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>ప్రీమియం</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>రిక్లైనర్</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>వీల్‌చైర్</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>సహాయకుడి సీటు</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>కార్డు</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>గిఫ్ట్ కార్డ్</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>పాయింట్లు</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 నిమి</translation>
    </message>
    <message>
        <source>SEATS %1</source>
        <translation>సీట్లు %1</translation>
    </message>
    <message>
        <source>SEAT %1</source>
        <translation>సీటు %1</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>incl. tax</source>
        <translation>పన్నుతో కలిపి</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>బుకింగ్ రిఫరెన్స్</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>జారీ %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance.</source>
        <translation>ప్రవేశ ద్వారం వద్ద ఈ టికెట్ చూపించండి.</translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation>రసీదు</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation> (రీఫండ్ అయింది)</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>తినుబండారాలు</translation>
    </message>
    <message>
        <source> (%1 refunded)</source>
        <translation> (%1 రీఫండ్)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>%1 included</source>
        <translation>%1 కలిపి</translation>
    </message>
    <message>
        <source>Net of tax</source>
        <translation>పన్ను మినహా</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>రీఫండ్ చేసినది</translation>
    </message>
    <message>
        <source>Paid after refund</source>
        <translation>రీఫండ్ తర్వాత చెల్లింపు</translation>
    </message>
    <message>
        <source>Paid by card</source>
        <translation>కార్డుతో చెల్లింపు</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>చెల్లించినది</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>ఇచ్చిన నగదు</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>చిల్లర</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>సభ్యుడు %1</translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation>+%1 పాయింట్లు</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>బుకింగ్</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>సేవ చేసినవారు</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>కియోస్క్</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>జారీ</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds and exchanges.</source>
        <translation>ధన్యవాదాలు. రీఫండ్‌లు, మార్పిడుల కోసం ఈ రసీదు ఉంచుకోండి.</translation>
    </message>
</context>
<context>
    <name>TicketOutput</name>
    <message>
        <source>The PDF was not written. Please try again.</source>
        <translation>PDF రాయబడలేదు. దయచేసి మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>ప్రింటింగ్ రద్దు చేయబడింది.</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>టికెట్లు ప్రింటర్‌కు పంపబడ్డాయి.</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>రసీదు ప్రింటర్‌కు పంపబడింది.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Sale complete</source>
        <translation>అమ్మకం పూర్తయింది</translation>
    </message>
    <message>
        <source>Resend confirmation…</source>
        <translation>నిర్ధారణ మళ్ళీ పంపండి…</translation>
    </message>
    <message>
        <source>Print tickets (Ctrl+P)</source>
        <translation>టికెట్లు ప్రింట్ చేయండి (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save ticket PDF</source>
        <translation>టికెట్ PDF సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>రసీదు ప్రింట్ చేయండి</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>రసీదు PDF సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>New sale  ⏎</source>
        <translation>కొత్త అమ్మకం  ⏎</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>బుకింగ్ రిఫరెన్స్</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>ముందస్తు వీక్షణ</translation>
    </message>
    <message>
        <source>Print stand slip</source>
        <translation>స్టాండ్ స్లిప్ ప్రింట్ చేయి</translation>
    </message>
    <message>
        <source>Food and drink %1, collect at the stand: %2</source>
        <translation>తినుబండారాలు %1, స్టాండ్ వద్ద తీసుకోండి: %2</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>సీట్లు: %1</translation>
    </message>
    <message>
        <source>Paid %1: %2</source>
        <translation>%1 చెల్లించారు: %2</translation>
    </message>
    <message>
        <source>Paid %1 by %2</source>
        <translation>%2 ద్వారా %1 చెల్లించారు</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>నగదు</translation>
    </message>
    <message>
        <source>card ending %1</source>
        <translation>%1 తో ముగిసే కార్డు</translation>
    </message>
    <message>
        <source>Member %1 earned %2 points</source>
        <translation>సభ్యుడు %1 %2 పాయింట్లు సంపాదించారు</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>తిరిగి ఇవ్వాల్సింది %1</translation>
    </message>
    <message>
        <source>Saved on this kiosk; it will reach the central system automatically.</source>
        <translation>ఈ కియోస్క్‌లో సేవ్ అయింది; ఇది స్వయంచాలకంగా కేంద్ర వ్యవస్థకు చేరుతుంది.</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 ఇంకా</translation>
    </message>
    <message>
        <source>Ticket preview</source>
        <translation>టికెట్ ముందస్తు వీక్షణ</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>ప్రింట్ అవుతోంది…</translation>
    </message>
    <message>
        <source>%1 tickets and the receipt printed.</source>
        <translation>%1 టికెట్లు మరియు రసీదు ప్రింట్ అయ్యాయి.</translation>
    </message>
    <message>
        <source>%1 tickets printed again.</source>
        <translation>%1 టికెట్లు మళ్ళీ ప్రింట్ అయ్యాయి.</translation>
    </message>
    <message>
        <source>Cash drawer opened.</source>
        <translation>క్యాష్ డ్రాయర్ తెరుచుకుంది.</translation>
    </message>
    <message>
        <source>Printing failed (%1). The sale is saved: press Reprint.</source>
        <translation>ప్రింట్ కాలేదు (%1). అమ్మకం సేవ్ అయింది: మళ్ళీ ప్రింట్ నొక్కండి.</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>ప్రింట్ కాలేదు: %1</translation>
    </message>
    <message>
        <source>No confirmation: the customer gave no phone or e-mail.</source>
        <translation>నిర్ధారణ లేదు: కస్టమర్ ఫోన్ లేదా ఈ-మెయిల్ ఇవ్వలేదు.</translation>
    </message>
    <message>
        <source>Confirmation to %1: waiting to be sent.</source>
        <translation>%1కి నిర్ధారణ: పంపడానికి వేచి ఉంది.</translation>
    </message>
    <message>
        <source>Confirmation to %1: not sent yet, trying again.</source>
        <translation>%1కి నిర్ధారణ: ఇంకా వెళ్ళలేదు, మళ్ళీ ప్రయత్నిస్తున్నాం.</translation>
    </message>
    <message>
        <source>Confirmation sent to %1.</source>
        <translation>%1కి నిర్ధారణ పంపబడింది.</translation>
    </message>
    <message>
        <source>Confirmation to %1 failed: %2. Check the number or address with the customer and resend.</source>
        <translation>%1కి నిర్ధారణ విఫలమైంది: %2. కస్టమర్‌తో నంబర్ లేదా చిరునామా సరిచూసి మళ్ళీ పంపండి.</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>చేరలేదు</translation>
    </message>
    <message>
        <source>Send confirmation…</source>
        <translation>నిర్ధారణ పంపండి…</translation>
    </message>
    <message>
        <source>Resend confirmation</source>
        <translation>నిర్ధారణ మళ్ళీ పంపండి</translation>
    </message>
    <message>
        <source>Phone or e-mail to send to (leave empty for the one on the booking):</source>
        <translation>ఏ ఫోన్ లేదా ఈ-మెయిల్‌కు పంపాలి (బుకింగ్‌లోనిదానికి ఖాళీగా వదలండి):</translation>
    </message>
    <message>
        <source>The confirmation will be sent again.</source>
        <translation>నిర్ధారణ మళ్ళీ పంపబడుతుంది.</translation>
    </message>
    <message>
        <source>Stand slip sent to the printer.</source>
        <translation>స్టాండ్ స్లిప్ ప్రింటర్‌కు పంపబడింది.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>ప్రింటింగ్ రద్దయింది.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF సేవ్ చేయండి</translation>
    </message>
    <message>
        <source>The PDF could not be written (%1). The booking is saved; try again or print instead.</source>
        <translation>PDF రాయలేకపోయాం (%1). బుకింగ్ సేవ్ అయింది; మళ్ళీ ప్రయత్నించండి లేదా ప్రింట్ చేయండి.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>సేవ్ అయింది %1</translation>
    </message>
    <message>
        <source>Printing failed (%1). The booking is saved; save the PDF or try again.</source>
        <translation>ప్రింటింగ్ విఫలమైంది (%1). బుకింగ్ సేవ్ అయింది; PDF సేవ్ చేయండి లేదా మళ్ళీ ప్రయత్నించండి.</translation>
    </message>
</context>
<context>
    <name>TicketTypesScreen</name>
    <message>
        <source>Tickets</source>
        <translation>టికెట్లు</translation>
    </message>
    <message>
        <source>Who is each seat for? Child, senior and student tickets cost less.</source>
        <translation>ప్రతి సీటు ఎవరి కోసం? పిల్లలు, వృద్ధులు, విద్యార్థుల టికెట్లు తక్కువ ధర.</translation>
    </message>
    <message>
        <source>Continue to payment</source>
        <translation>చెల్లింపుకు కొనసాగండి</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>ప్రోమో కోడ్</translation>
    </message>
    <message>
        <source>Total %1 (incl. tax %2)</source>
        <translation>మొత్తం %1 (పన్ను %2 కలిపి)</translation>
    </message>
    <message>
        <source>Member?</source>
        <translation>సభ్యులా?</translation>
    </message>
    <message>
        <source>Member ✓ · earning points</source>
        <translation>సభ్యుడు ✓ · పాయింట్లు వస్తున్నాయి</translation>
    </message>
</context>
<context>
    <name>ZReport</name>
    <message>
        <source>Z report</source>
        <translation>Z నివేదిక</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>టికెట్లు</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>తినుబండారాలు</translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation>గిఫ్ట్ కార్డులు</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>లాయల్టీ</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>చెల్లింపు విధానాలు</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Cashier variance</source>
        <translation>క్యాషియర్ తేడా</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>షిఫ్ట్‌లు</translation>
    </message>
    <message>
        <source>Card and UPI checks</source>
        <translation>కార్డ్, UPI తనిఖీలు</translation>
    </message>
    <message>
        <source>By device</source>
        <translation>పరికరం వారీగా</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>ఛానల్ వారీగా</translation>
    </message>
    <message>
        <source>Adjustments after the close</source>
        <translation>ముగింపు తర్వాత సవరణలు</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ఫలితం</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>అంశం</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>విలువ</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>కొలమానం</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>మొత్తం</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>గమనిక</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>చెల్లింపు విధానం</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>వసూలు</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>రీఫండ్ చేసినది</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>నికరం</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>సిబ్బంది నం.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>పేరు</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>అంచనా</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>లెక్కించినది</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>తేడా</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>పరికరం</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>ప్రారంభం</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ముగింపు</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>ఫ్లోట్</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>కరెన్సీ</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>నివేదించినది</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>బుకింగ్‌లు</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>స్థూలం</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>నికర అమ్మకాలు</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ఛానల్</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>కారణం</translation>
    </message>
    <message>
        <source>By</source>
        <translation>చేసినవారు</translation>
    </message>
    <message>
        <source>At (UTC)</source>
        <translation>సమయం (UTC)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ఐడీ</translation>
    </message>
    <message>
        <source>Gross sales (tax included)</source>
        <translation>స్థూల అమ్మకాలు (పన్నుతో)</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>పన్ను</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>తగ్గింపులు</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>మార్పిడులు</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>మార్పిడి జమ</translation>
    </message>
    <message>
        <source>Net revenue (after tax)</source>
        <translation>నికర ఆదాయం (పన్ను తర్వాత)</translation>
    </message>
    <message>
        <source>Refunds completed</source>
        <translation>పూర్తైన రీఫండ్‌లు</translation>
    </message>
    <message>
        <source>Refunds awaiting approval (not counted)</source>
        <translation>ఆమోదం కోసం వేచి ఉన్న రీఫండ్‌లు (లెక్కించలేదు)</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>ఆమోదం కోసం వేచి ఉంది</translation>
    </message>
    <message>
        <source>Approved but not yet paid out of a drawer</source>
        <translation>ఆమోదించారు, కానీ డ్రాయర్ నుండి ఇంకా చెల్లించలేదు</translation>
    </message>
    <message>
        <source>To pay out</source>
        <translation>చెల్లించాల్సినవి</translation>
    </message>
    <message>
        <source>Net sales at the close</source>
        <translation>ముగింపు నాటికి నికర అమ్మకాలు</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>సవరణలు</translation>
    </message>
    <message>
        <source>Net sales after adjustments</source>
        <translation>సవరణల తర్వాత నికర అమ్మకాలు</translation>
    </message>
</context>
</TS>
