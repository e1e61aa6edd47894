<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Box Office</source>
        <translation>बॉक्स ऑफ़िस</translation>
    </message>
    <message>
        <source>Tickets for today&apos;s films, in a minute. Pay by card.</source>
        <translation>आज की फ़िल्मों के टिकट, एक मिनट में। कार्ड से भुगतान करें।</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>शुरू करने के लिए छुएँ</translation>
    </message>
    <message>
        <source>Collect tickets booked online</source>
        <translation>ऑनलाइन बुक किए टिकट लें</translation>
    </message>
    <message>
        <source>Easier to see</source>
        <translation>देखने में आसान</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>उच्च कंट्रास्ट</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>बड़ा टेक्स्ट</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>अपनी भाषा चुनें</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>एक्शन</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>लक्ष्य</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>अनुमति</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>Search target or detail</source>
        <translation>लक्ष्य या विवरण खोजें</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>to</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>सभी स्टाफ़</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>सभी एक्शन</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>ऑडिट चेन जाँची जा रही है…</translation>
    </message>
    <message>
        <source>The audit chain could not be checked. Please try again.</source>
        <translation>ऑडिट चेन जाँची नहीं जा सकी। कृपया फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>✓ Audit chain intact: all %1 rows unchanged.</source>
        <translation>✓ ऑडिट चेन सही: सभी %1 पंक्तियाँ अपरिवर्तित।</translation>
    </message>
    <message>
        <source>✗ Audit chain broken: %1</source>
        <translation>✗ ऑडिट चेन टूटी: %1</translation>
    </message>
    <message>
        <source>Rows shown may not be what was written: tell the cinema&apos;s auditor. `kiosk audit verify` gives the same check on the command line.</source>
        <translation>दिखाई गई पंक्तियाँ शायद वैसी नहीं हैं जैसी लिखी गई थीं: सिनेमा के ऑडिटर को बताएँ। `kiosk audit verify` कमांड लाइन पर यही जाँच करता है।</translation>
    </message>
    <message>
        <source>self-service / system</source>
        <translation>सेल्फ़-सर्विस / सिस्टम</translation>
    </message>
    <message>
        <source>%1 entries (the newest shown; narrow the dates)</source>
        <translation>%1 प्रविष्टियाँ (सबसे नई दिखाई गईं; तारीख़ें सीमित करें)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 प्रविष्टियाँ</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>{who} signed in{shift_part}.</source>
        <translation>{who} ने साइन इन किया{shift_part}।</translation>
    </message>
    <message>
        <source>{who} signed out.</source>
        <translation>{who} ने साइन आउट किया।</translation>
    </message>
    <message>
        <source>Sign-in as staff {target} refused: {why}.</source>
        <translation>स्टाफ़ {target} के रूप में साइन इन अस्वीकार: {why}।</translation>
    </message>
    <message>
        <source>{who} opened shift {target} with a float of {float}.</source>
        <translation>{who} ने {float} के फ़्लोट के साथ शिफ़्ट {target} खोली।</translation>
    </message>
    <message>
        <source>{who} closed shift {target}: counted {counted}, expected {expected}, variance {variance}.</source>
        <translation>{who} ने शिफ़्ट {target} बंद की: गिना {counted}, अपेक्षित {expected}, अंतर {variance}।</translation>
    </message>
    <message>
        <source>{who} approved the cash-up of shift {target}{comment_part}.</source>
        <translation>{who} ने शिफ़्ट {target} का कैश-अप मंज़ूर किया{comment_part}।</translation>
    </message>
    <message>
        <source>{who} commented on the cash-up of shift {target}{comment_part}.</source>
        <translation>{who} ने शिफ़्ट {target} के कैश-अप पर टिप्पणी की{comment_part}।</translation>
    </message>
    <message>
        <source>{who} printed the cash-up slip of shift {target} ({device}).</source>
        <translation>{who} ने शिफ़्ट {target} की कैश-अप पर्ची प्रिंट की ({device})।</translation>
    </message>
    <message>
        <source>{who} printed the cash-up slip of shift {target} again ({device}).</source>
        <translation>{who} ने शिफ़्ट {target} की कैश-अप पर्ची फिर से प्रिंट की ({device})।</translation>
    </message>
    <message>
        <source>{who} sold booking {target} for {total}{tenders_part}{seats_part}.</source>
        <translation>{who} ने बुकिंग {target} {total} में बेची{tenders_part}{seats_part}।</translation>
    </message>
    <message>
        <source>{who} exchanged booking {exchanged_from} for {target}, {total}{tenders_part}{seats_part}.</source>
        <translation>{who} ने बुकिंग {exchanged_from} को {target} से बदला, {total}{tenders_part}{seats_part}।</translation>
    </message>
    <message>
        <source>{who} refunded {amount} on booking {target}{method_part}{seats_part}{reason_part}.</source>
        <translation>{who} ने बुकिंग {target} पर {amount} रिफ़ंड किया{method_part}{seats_part}{reason_part}।</translation>
    </message>
    <message>
        <source>{who} cancelled booking {target}, {amount} back{method_part}{reason_part}.</source>
        <translation>{who} ने बुकिंग {target} रद्द की, {amount} वापस{method_part}{reason_part}।</translation>
    </message>
    <message>
        <source>{who} asked a manager to approve a refund of {amount} on booking {target}{seats_part}{reason_part}.</source>
        <translation>{who} ने बुकिंग {target} पर {amount} के रिफ़ंड के लिए मैनेजर से मंज़ूरी माँगी{seats_part}{reason_part}।</translation>
    </message>
    <message>
        <source>{who} approved refund {refund_id} of {amount} on booking {target}{payout_part}.</source>
        <translation>{who} ने बुकिंग {target} पर {amount} का रिफ़ंड {refund_id} मंज़ूर किया{payout_part}।</translation>
    </message>
    <message>
        <source>{who} rejected refund {refund_id} on booking {target}{comment_part}.</source>
        <translation>{who} ने बुकिंग {target} पर रिफ़ंड {refund_id} अस्वीकार किया{comment_part}।</translation>
    </message>
    <message>
        <source>{who} paid out refund {refund_id} of {amount} on booking {target} from their drawer.</source>
        <translation>{who} ने बुकिंग {target} पर {amount} का रिफ़ंड {refund_id} अपनी दराज़ से दिया।</translation>
    </message>
    <message>
        <source>{who} sold food and drink {target} for {total}{tenders_part}.</source>
        <translation>{who} ने खाना-पीना {target} {total} में बेचा{tenders_part}।</translation>
    </message>
    <message>
        <source>{who} refunded {amount} of food and drink {target}{tenders_part}{reason_part}.</source>
        <translation>{who} ने खाना-पीना {target} का {amount} रिफ़ंड किया{tenders_part}{reason_part}।</translation>
    </message>
    <message>
        <source>{who} handed over food and drink {target}.</source>
        <translation>{who} ने खाना-पीना {target} सौंपा।</translation>
    </message>
    <message>
        <source>Member {target} had fewer points than a refund took back ({owed_part}).</source>
        <translation>सदस्य {target} के पास रिफ़ंड में वापस लिए गए पॉइंट से कम पॉइंट थे ({owed_part})।</translation>
    </message>
    <message>
        <source>{who} sold gift card {card} loaded with {amount}{tenders_part}.</source>
        <translation>{who} ने {amount} वाला गिफ़्ट कार्ड {card} बेचा{tenders_part}।</translation>
    </message>
    <message>
        <source>{who} topped up gift card {card} with {amount}{tenders_part}.</source>
        <translation>{who} ने गिफ़्ट कार्ड {card} में {amount} जोड़े{tenders_part}।</translation>
    </message>
    <message>
        <source>{who} blocked gift card {target}.</source>
        <translation>{who} ने गिफ़्ट कार्ड {target} बंद किया।</translation>
    </message>
    <message>
        <source>{who} unblocked gift card {target}.</source>
        <translation>{who} ने गिफ़्ट कार्ड {target} फिर से चालू किया।</translation>
    </message>
    <message>
        <source>{who} issued {count} voucher(s) ({label}) for {target}.</source>
        <translation>{who} ने {target} के लिए {count} वाउचर ({label}) जारी किए।</translation>
    </message>
    <message>
        <source>{who} cancelled voucher {target}.</source>
        <translation>{who} ने वाउचर {target} रद्द किया।</translation>
    </message>
    <message>
        <source>{who} enrolled member {target}.</source>
        <translation>{who} ने सदस्य {target} को जोड़ा।</translation>
    </message>
    <message>
        <source>{who} changed member {target}.</source>
        <translation>{who} ने सदस्य {target} में बदलाव किया।</translation>
    </message>
    <message>
        <source>{who} added offer {name} ({target}).</source>
        <translation>{who} ने ऑफ़र {name} ({target}) जोड़ा।</translation>
    </message>
    <message>
        <source>{who} changed offer {name} ({target}).</source>
        <translation>{who} ने ऑफ़र {name} ({target}) बदला।</translation>
    </message>
    <message>
        <source>{who} withdrew offer {target}.</source>
        <translation>{who} ने ऑफ़र {target} वापस लिया।</translation>
    </message>
    <message>
        <source>{who} counted {on_hand} of {target} in stock.</source>
        <translation>{who} ने स्टॉक में {target} के {on_hand} गिने।</translation>
    </message>
    <message>
        <source>{who} sent the confirmation of booking {target} again to {to}.</source>
        <translation>{who} ने बुकिंग {target} की पुष्टि फिर से {to} को भेजी।</translation>
    </message>
    <message>
        <source>{who} reprinted {tickets} ticket(s) of booking {reference}.</source>
        <translation>{who} ने बुकिंग {reference} के {tickets} टिकट फिर से प्रिंट किए।</translation>
    </message>
    <message>
        <source>{who} reprinted the collected tickets of booking {reference}.</source>
        <translation>{who} ने बुकिंग {reference} के लिए जा चुके टिकट फिर से प्रिंट किए।</translation>
    </message>
    <message>
        <source>Tickets of booking {reference} were collected here after {first_kiosk} had collected them.</source>
        <translation>बुकिंग {reference} के टिकट {first_kiosk} पर लिए जाने के बाद यहाँ फिर से लिए गए।</translation>
    </message>
    <message>
        <source>The collection of booking {reference} was given back: {reason}.</source>
        <translation>बुकिंग {reference} का टिकट लेना वापस किया गया: {reason}।</translation>
    </message>
    <message>
        <source>Booking {reference} was admitted at {first_door} and again at {second_door}.</source>
        <translation>बुकिंग {reference} को {first_door} पर और फिर {second_door} पर प्रवेश मिला।</translation>
    </message>
    <message>
        <source>{who} closed business day {target}: gross {gross}, {tickets} ticket(s).</source>
        <translation>{who} ने कारोबारी दिन {target} बंद किया: सकल {gross}, {tickets} टिकट।</translation>
    </message>
    <message>
        <source>{who} corrected closed day {target} by {amount}: {reason}.</source>
        <translation>{who} ने बंद दिन {target} में {amount} का सुधार किया: {reason}।</translation>
    </message>
    <message>
        <source>{who} added film {title}.</source>
        <translation>{who} ने फ़िल्म {title} जोड़ी।</translation>
    </message>
    <message>
        <source>{who} changed film {title}.</source>
        <translation>{who} ने फ़िल्म {title} बदली।</translation>
    </message>
    <message>
        <source>{who} added price list {target}.</source>
        <translation>{who} ने मूल्य सूची {target} जोड़ी।</translation>
    </message>
    <message>
        <source>{who} changed price list {target}.</source>
        <translation>{who} ने मूल्य सूची {target} बदली।</translation>
    </message>
    <message>
        <source>{who} added hall {target}.</source>
        <translation>{who} ने हॉल {target} जोड़ा।</translation>
    </message>
    <message>
        <source>{who} changed hall {target}.</source>
        <translation>{who} ने हॉल {target} बदला।</translation>
    </message>
    <message>
        <source>{who} scheduled show {target}.</source>
        <translation>{who} ने शो {target} शेड्यूल किया।</translation>
    </message>
    <message>
        <source>{who} changed show {target}.</source>
        <translation>{who} ने शो {target} बदला।</translation>
    </message>
    <message>
        <source>{who} cancelled show {target}.</source>
        <translation>{who} ने शो {target} रद्द किया।</translation>
    </message>
    <message>
        <source>{who} imported {rows} row(s) of {kind} from {target}.</source>
        <translation>{who} ने {target} से {kind} की {rows} पंक्तियाँ आयात कीं।</translation>
    </message>
    <message>
        <source>{who} changed the settings in {target}{reason_part}.</source>
        <translation>{who} ने {target} में सेटिंग्स बदलीं{reason_part}।</translation>
    </message>
    <message>
        <source>{who} changed the money limits of cinema {target}.</source>
        <translation>{who} ने सिनेमा {target} की राशि सीमाएँ बदलीं।</translation>
    </message>
    <message>
        <source>{who} set up cinema {target} ({name}, {city}).</source>
        <translation>{who} ने सिनेमा {target} सेट अप किया ({name}, {city})।</translation>
    </message>
    <message>
        <source>{who} published version {version} of cinema {target}&apos;s catalogue ({items} item(s)).</source>
        <translation>{who} ने सिनेमा {target} के कैटलॉग का संस्करण {version} प्रकाशित किया ({items} आइटम)।</translation>
    </message>
    <message>
        <source>A catalogue edit for cinema {target} was refused: someone else changed it first.</source>
        <translation>सिनेमा {target} के कैटलॉग का एक संपादन अस्वीकार हुआ: किसी और ने इसे पहले ही बदल दिया था।</translation>
    </message>
    <message>
        <source>{who} became the first manager ({target}).</source>
        <translation>{who} पहले मैनेजर बने ({target})।</translation>
    </message>
    <message>
        <source>{who} added staff {target} ({name}, {role}).</source>
        <translation>{who} ने स्टाफ़ {target} ({name}, {role}) जोड़ा।</translation>
    </message>
    <message>
        <source>{who} reset the PIN of staff {target}.</source>
        <translation>{who} ने स्टाफ़ {target} का पिन रीसेट किया।</translation>
    </message>
    <message>
        <source>{who} unlocked staff {target}.</source>
        <translation>{who} ने स्टाफ़ {target} को अनलॉक किया।</translation>
    </message>
    <message>
        <source>{who} deactivated staff {target}.</source>
        <translation>{who} ने स्टाफ़ {target} को निष्क्रिय किया।</translation>
    </message>
    <message>
        <source>{who} reactivated staff {target}.</source>
        <translation>{who} ने स्टाफ़ {target} को फिर से सक्रिय किया।</translation>
    </message>
    <message>
        <source>{who} changed staff {target} from {from} to {to}.</source>
        <translation>{who} ने स्टाफ़ {target} को {from} से {to} में बदला।</translation>
    </message>
    <message>
        <source>The seats {lost} of booking {target} were sold elsewhere first.</source>
        <translation>बुकिंग {target} की सीटें {lost} पहले कहीं और बिक गईं।</translation>
    </message>
    <message>
        <source>The cloud refused booking {target} (seats {seats_list}): {reason}.</source>
        <translation>क्लाउड ने बुकिंग {target} (सीटें {seats_list}) अस्वीकार की: {reason}।</translation>
    </message>
    <message>
        <source>{who} moved booking {target} from {old_seats} to {new_seats}.</source>
        <translation>{who} ने बुकिंग {target} की सीटें {old_seats} से {new_seats} में बदलीं।</translation>
    </message>
    <message>
        <source>{who} refunded booking {target} in full ({amount}): its seats were sold elsewhere.</source>
        <translation>{who} ने बुकिंग {target} का पूरा रिफ़ंड किया ({amount}): इसकी सीटें कहीं और बिक गई थीं।</translation>
    </message>
    <message>
        <source>{who} set aside {seat_count} seat(s) of show {target} for offline sales.</source>
        <translation>{who} ने ऑफ़लाइन बिक्री के लिए शो {target} की {seat_count} सीटें अलग रखीं।</translation>
    </message>
    <message>
        <source>{who} gave back {seat_count} unsold offline seat(s) of show {target}.</source>
        <translation>{who} ने शो {target} की {seat_count} बिना बिकी ऑफ़लाइन सीटें वापस कीं।</translation>
    </message>
    <message>
        <source>{who} gave back all {seat_count} offline seat(s) of show {target}.</source>
        <translation>{who} ने शो {target} की सभी {seat_count} ऑफ़लाइन सीटें वापस कीं।</translation>
    </message>
    <message>
        <source>Booking {target} was sent to the cloud again (missing there).</source>
        <translation>बुकिंग {target} क्लाउड को फिर से भेजी गई (वहाँ नहीं थी)।</translation>
    </message>
    <message>
        <source>The sync gave up sending {kind} of {target}: {reason}.</source>
        <translation>सिंक ने {target} के लिए {kind} भेजने की कोशिश छोड़ दी: {reason}।</translation>
    </message>
    <message>
        <source>{who} sent {kind} of {target} again.</source>
        <translation>{who} ने {target} के लिए {kind} फिर से भेजा।</translation>
    </message>
    <message>
        <source>{who} exported {rows} unsent row(s) to {target}.</source>
        <translation>{who} ने {rows} न भेजी गई पंक्तियाँ {target} में निर्यात कीं।</translation>
    </message>
    <message>
        <source>{who} sent the approval of refund {local_id} to {kiosk}.</source>
        <translation>{who} ने रिफ़ंड {local_id} की मंज़ूरी {kiosk} को भेजी।</translation>
    </message>
    <message>
        <source>{who} sent the rejection of refund {local_id} to {kiosk}.</source>
        <translation>{who} ने रिफ़ंड {local_id} की अस्वीकृति {kiosk} को भेजी।</translation>
    </message>
    <message>
        <source>{who} sent the approval of cash-up {local_id} to {kiosk}.</source>
        <translation>{who} ने कैश-अप {local_id} की मंज़ूरी {kiosk} को भेजी।</translation>
    </message>
    <message>
        <source>{who} sent the rejection of cash-up {local_id} to {kiosk}.</source>
        <translation>{who} ने कैश-अप {local_id} की अस्वीकृति {kiosk} को भेजी।</translation>
    </message>
    <message>
        <source>A manager at {by_kiosk} decided refund {target} ({decision}): {outcome}.</source>
        <translation>{by_kiosk} पर एक मैनेजर ने रिफ़ंड {target} पर फ़ैसला किया ({decision}): {outcome}।</translation>
    </message>
    <message>
        <source>A manager at {by_kiosk} decided cash-up {target} ({decision}): {outcome}.</source>
        <translation>{by_kiosk} पर एक मैनेजर ने कैश-अप {target} पर फ़ैसला किया ({decision}): {outcome}।</translation>
    </message>
    <message>
        <source>{who} saved a backup to {target}.</source>
        <translation>{who} ने {target} में बैकअप सहेजा।</translation>
    </message>
    <message>
        <source>{who} restored the backup {target}.</source>
        <translation>{who} ने बैकअप {target} बहाल किया।</translation>
    </message>
    <message>
        <source>{who} wiped the database (backup kept in {target}).</source>
        <translation>{who} ने डेटाबेस मिटाया (बैकअप {target} में रखा गया)।</translation>
    </message>
    <message>
        <source>{who} wiped the database and discarded unsent sales (kept in {target}).</source>
        <translation>{who} ने डेटाबेस मिटाया और न भेजी गई बिक्री हटा दी ({target} में रखी गई)।</translation>
    </message>
    <message>
        <source>{who} made a new ticket signing key ({target}).</source>
        <translation>{who} ने नई टिकट साइनिंग कुंजी बनाई ({target})।</translation>
    </message>
    <message>
        <source>{who} dropped ticket key {dropped}.</source>
        <translation>{who} ने टिकट कुंजी {dropped} हटाई।</translation>
    </message>
    <message>
        <source>{who} imported ticket keys (signing with {target}).</source>
        <translation>{who} ने टिकट कुंजियाँ आयात कीं ({target} से साइनिंग)।</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>साइन इन किया</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>साइन आउट किया</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>साइन इन अस्वीकार</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>शिफ़्ट खुली</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>शिफ़्ट बंद हुई</translation>
    </message>
    <message>
        <source>Shifts list</source>
        <translation>शिफ़्टों की सूची</translation>
    </message>
    <message>
        <source>Cash-up slip printed</source>
        <translation>कैश-अप पर्ची प्रिंट हुई</translation>
    </message>
    <message>
        <source>Cash-up slip reprinted</source>
        <translation>कैश-अप पर्ची फिर से प्रिंट हुई</translation>
    </message>
    <message>
        <source>Cash-up slip</source>
        <translation>कैश-अप पर्ची</translation>
    </message>
    <message>
        <source>Cash-up looked at</source>
        <translation>कैश-अप देखा गया</translation>
    </message>
    <message>
        <source>Cash-up preview</source>
        <translation>कैश-अप पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>एक्सचेंज</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>बुकिंग रद्द</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>रिफ़ंड का अनुरोध</translation>
    </message>
    <message>
        <source>Refund approved</source>
        <translation>रिफ़ंड मंज़ूर</translation>
    </message>
    <message>
        <source>Refund rejected</source>
        <translation>रिफ़ंड अस्वीकार</translation>
    </message>
    <message>
        <source>Refund paid out</source>
        <translation>रिफ़ंड का भुगतान हुआ</translation>
    </message>
    <message>
        <source>Refund preview</source>
        <translation>रिफ़ंड पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Refund approval</source>
        <translation>रिफ़ंड मंज़ूरी</translation>
    </message>
    <message>
        <source>Refund rejection</source>
        <translation>रिफ़ंड अस्वीकृति</translation>
    </message>
    <message>
        <source>Refunds waiting</source>
        <translation>प्रतीक्षा में रिफ़ंड</translation>
    </message>
    <message>
        <source>Refund pay-out</source>
        <translation>रिफ़ंड भुगतान</translation>
    </message>
    <message>
        <source>Refunds to pay out</source>
        <translation>भुगतान बाकी रिफ़ंड</translation>
    </message>
    <message>
        <source>Food and drink sale</source>
        <translation>खाना-पीना बिक्री</translation>
    </message>
    <message>
        <source>Food and drink refund</source>
        <translation>खाना-पीना रिफ़ंड</translation>
    </message>
    <message>
        <source>Food and drink collected</source>
        <translation>खाना-पीना लिया गया</translation>
    </message>
    <message>
        <source>Points short</source>
        <translation>पॉइंट कम</translation>
    </message>
    <message>
        <source>Gift card sold</source>
        <translation>गिफ़्ट कार्ड बिका</translation>
    </message>
    <message>
        <source>Gift card topped up</source>
        <translation>गिफ़्ट कार्ड में राशि जोड़ी गई</translation>
    </message>
    <message>
        <source>Gift card blocked</source>
        <translation>गिफ़्ट कार्ड बंद</translation>
    </message>
    <message>
        <source>Gift card unblocked</source>
        <translation>गिफ़्ट कार्ड फिर से चालू</translation>
    </message>
    <message>
        <source>Vouchers issued</source>
        <translation>वाउचर जारी</translation>
    </message>
    <message>
        <source>Voucher cancelled</source>
        <translation>वाउचर रद्द</translation>
    </message>
    <message>
        <source>Member enrolled</source>
        <translation>सदस्य जुड़ा</translation>
    </message>
    <message>
        <source>Member changed</source>
        <translation>सदस्य बदला</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>सदस्य इतिहास</translation>
    </message>
    <message>
        <source>Offer added</source>
        <translation>ऑफ़र जोड़ा</translation>
    </message>
    <message>
        <source>Offer changed</source>
        <translation>ऑफ़र बदला</translation>
    </message>
    <message>
        <source>Offer withdrawn</source>
        <translation>ऑफ़र वापस लिया</translation>
    </message>
    <message>
        <source>Offer saved</source>
        <translation>ऑफ़र सहेजा</translation>
    </message>
    <message>
        <source>Stock counted</source>
        <translation>स्टॉक गिना</translation>
    </message>
    <message>
        <source>Low stock list</source>
        <translation>कम स्टॉक की सूची</translation>
    </message>
    <message>
        <source>Confirmation resent</source>
        <translation>पुष्टि फिर से भेजी</translation>
    </message>
    <message>
        <source>Tickets reprinted</source>
        <translation>टिकट फिर से प्रिंट</translation>
    </message>
    <message>
        <source>Collected tickets reprinted</source>
        <translation>लिए गए टिकट फिर से प्रिंट</translation>
    </message>
    <message>
        <source>Tickets collected twice</source>
        <translation>टिकट दो बार लिए गए</translation>
    </message>
    <message>
        <source>Collection given back</source>
        <translation>टिकट लेना वापस</translation>
    </message>
    <message>
        <source>Tickets collected</source>
        <translation>टिकट लिए गए</translation>
    </message>
    <message>
        <source>Booking looked up</source>
        <translation>बुकिंग खोजी गई</translation>
    </message>
    <message>
        <source>Admitted twice</source>
        <translation>दो बार प्रवेश</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>प्रवेश</translation>
    </message>
    <message>
        <source>Double admissions list</source>
        <translation>दोहरे प्रवेश की सूची</translation>
    </message>
    <message>
        <source>Business day closed</source>
        <translation>कारोबारी दिन बंद</translation>
    </message>
    <message>
        <source>Closed day corrected</source>
        <translation>बंद दिन में सुधार</translation>
    </message>
    <message>
        <source>Film added</source>
        <translation>फ़िल्म जोड़ी</translation>
    </message>
    <message>
        <source>Film changed</source>
        <translation>फ़िल्म बदली</translation>
    </message>
    <message>
        <source>Film saved</source>
        <translation>फ़िल्म सहेजी</translation>
    </message>
    <message>
        <source>Price list added</source>
        <translation>मूल्य सूची जोड़ी</translation>
    </message>
    <message>
        <source>Price list changed</source>
        <translation>मूल्य सूची बदली</translation>
    </message>
    <message>
        <source>Price list saved</source>
        <translation>मूल्य सूची सहेजी</translation>
    </message>
    <message>
        <source>Hall added</source>
        <translation>हॉल जोड़ा</translation>
    </message>
    <message>
        <source>Hall changed</source>
        <translation>हॉल बदला</translation>
    </message>
    <message>
        <source>Hall saved</source>
        <translation>हॉल सहेजा</translation>
    </message>
    <message>
        <source>Show scheduled</source>
        <translation>शो शेड्यूल हुआ</translation>
    </message>
    <message>
        <source>Show changed</source>
        <translation>शो बदला</translation>
    </message>
    <message>
        <source>Show saved</source>
        <translation>शो सहेजा</translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation>शो रद्द</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>सेटिंग्स बदलीं</translation>
    </message>
    <message>
        <source>Money limits changed</source>
        <translation>राशि सीमाएँ बदलीं</translation>
    </message>
    <message>
        <source>Cinema set up</source>
        <translation>सिनेमा सेट अप</translation>
    </message>
    <message>
        <source>Catalogue published</source>
        <translation>कैटलॉग प्रकाशित</translation>
    </message>
    <message>
        <source>Catalogue edit refused</source>
        <translation>कैटलॉग संपादन अस्वीकार</translation>
    </message>
    <message>
        <source>First manager</source>
        <translation>पहला मैनेजर</translation>
    </message>
    <message>
        <source>Staff added</source>
        <translation>स्टाफ़ जोड़ा</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>पिन रीसेट</translation>
    </message>
    <message>
        <source>Staff unlocked</source>
        <translation>स्टाफ़ अनलॉक</translation>
    </message>
    <message>
        <source>Staff deactivated</source>
        <translation>स्टाफ़ निष्क्रिय</translation>
    </message>
    <message>
        <source>Staff reactivated</source>
        <translation>स्टाफ़ फिर से सक्रिय</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>भूमिका बदली</translation>
    </message>
    <message>
        <source>Staff list</source>
        <translation>स्टाफ़ सूची</translation>
    </message>
    <message>
        <source>Cash-up approval</source>
        <translation>कैश-अप मंज़ूरी</translation>
    </message>
    <message>
        <source>Cash-up comment</source>
        <translation>कैश-अप टिप्पणी</translation>
    </message>
    <message>
        <source>Cash-ups list</source>
        <translation>कैश-अप सूची</translation>
    </message>
    <message>
        <source>Cash-up viewed</source>
        <translation>कैश-अप देखा</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>ऑडिट लॉग पढ़ा</translation>
    </message>
    <message>
        <source>Audit chain checked</source>
        <translation>ऑडिट चेन जाँची</translation>
    </message>
    <message>
        <source>Sync overview</source>
        <translation>सिंक अवलोकन</translation>
    </message>
    <message>
        <source>Seats sold elsewhere first</source>
        <translation>सीटें पहले कहीं और बिक गईं</translation>
    </message>
    <message>
        <source>Refused by the cloud</source>
        <translation>क्लाउड ने अस्वीकार किया</translation>
    </message>
    <message>
        <source>Customer re-seated</source>
        <translation>ग्राहक की सीटें बदलीं</translation>
    </message>
    <message>
        <source>Conflict refunded</source>
        <translation>टकराव का रिफ़ंड</translation>
    </message>
    <message>
        <source>Cloud command</source>
        <translation>क्लाउड कमांड</translation>
    </message>
    <message>
        <source>Joined the cloud</source>
        <translation>क्लाउड से जुड़ा</translation>
    </message>
    <message>
        <source>Offline seats set aside</source>
        <translation>ऑफ़लाइन सीटें अलग रखीं</translation>
    </message>
    <message>
        <source>Offline seats given back</source>
        <translation>ऑफ़लाइन सीटें वापस दीं</translation>
    </message>
    <message>
        <source>Offline seats taken back</source>
        <translation>ऑफ़लाइन सीटें वापस लीं</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>फिर से भेजा</translation>
    </message>
    <message>
        <source>Not sent (needs a manager)</source>
        <translation>नहीं भेजा गया (मैनेजर ज़रूरी)</translation>
    </message>
    <message>
        <source>Sending retried</source>
        <translation>भेजने की फिर कोशिश</translation>
    </message>
    <message>
        <source>Unsent rows exported</source>
        <translation>न भेजी गई पंक्तियाँ निर्यात</translation>
    </message>
    <message>
        <source>Refund approval sent</source>
        <translation>रिफ़ंड मंज़ूरी भेजी</translation>
    </message>
    <message>
        <source>Refund rejection sent</source>
        <translation>रिफ़ंड अस्वीकृति भेजी</translation>
    </message>
    <message>
        <source>Cash-up approval sent</source>
        <translation>कैश-अप मंज़ूरी भेजी</translation>
    </message>
    <message>
        <source>Cash-up rejection sent</source>
        <translation>कैश-अप अस्वीकृति भेजी</translation>
    </message>
    <message>
        <source>Refund decided elsewhere</source>
        <translation>रिफ़ंड का फ़ैसला कहीं और हुआ</translation>
    </message>
    <message>
        <source>Cash-up decided elsewhere</source>
        <translation>कैश-अप का फ़ैसला कहीं और हुआ</translation>
    </message>
    <message>
        <source>Backup saved</source>
        <translation>बैकअप सहेजा</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>बैकअप बहाल</translation>
    </message>
    <message>
        <source>Database wiped</source>
        <translation>डेटाबेस मिटाया</translation>
    </message>
    <message>
        <source>Unsent sales discarded</source>
        <translation>न भेजी गई बिक्री हटाई</translation>
    </message>
    <message>
        <source>Ticket key made</source>
        <translation>टिकट कुंजी बनाई</translation>
    </message>
    <message>
        <source>Ticket key dropped</source>
        <translation>टिकट कुंजी हटाई</translation>
    </message>
    <message>
        <source>Ticket keys imported</source>
        <translation>टिकट कुंजियाँ आयात</translation>
    </message>
    <message>
        <source>Ticket keys list</source>
        <translation>टिकट कुंजियों की सूची</translation>
    </message>
    <message>
        <source>{who} was refused: {action} {target} ({why}).</source>
        <translation>{who} को मना किया गया: {action} {target} ({why})।</translation>
    </message>
    <message>
        <source>{who} was refused: {action} ({why}).</source>
        <translation>{who} को मना किया गया: {action} ({why})।</translation>
    </message>
    <message>
        <source>{who}: {action} {target}{pairs_part}.</source>
        <translation>{who}: {action} {target}{pairs_part}।</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>सिस्टम</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>सेल्फ़-सर्विस</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>गलत पिन</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>लॉक हो गया</translation>
    </message>
    <message>
        <source>unknown staff number</source>
        <translation>अज्ञात स्टाफ़ नंबर</translation>
    </message>
    <message>
        <source>inactive account</source>
        <translation>निष्क्रिय खाता</translation>
    </message>
    <message>
        <source>account not active</source>
        <translation>खाता सक्रिय नहीं</translation>
    </message>
    <message>
        <source>staff only</source>
        <translation>केवल स्टाफ़</translation>
    </message>
    <message>
        <source>role changed since sign-in</source>
        <translation>साइन इन के बाद भूमिका बदली</translation>
    </message>
    <message>
        <source>not allowed for this role</source>
        <translation>इस भूमिका के लिए अनुमति नहीं</translation>
    </message>
    <message>
        <source>not a manager</source>
        <translation>मैनेजर नहीं</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>कोई साइन इन नहीं</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>gift card</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>points</source>
        <translation>पॉइंट</translation>
    </message>
    <message>
        <source>split</source>
        <translation>मिश्रित</translation>
    </message>
    <message>
        <source>seats %1</source>
        <translation>सीटें %1</translation>
    </message>
    <message>
        <source>(to pay out: no drawer was open)</source>
        <translation>(भुगतान बाकी: कोई दराज़ खुली नहीं थी)</translation>
    </message>
    <message>
        <source>(shift %1)</source>
        <translation>(शिफ़्ट %1)</translation>
    </message>
    <message>
        <source>%1 point(s) owed</source>
        <translation>%1 पॉइंट बकाया</translation>
    </message>
    <message>
        <source>the sale</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>the refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>the customer message</source>
        <translation>ग्राहक संदेश</translation>
    </message>
</context>
<context>
    <name>Basket</name>
    <message>
        <source>Adult</source>
        <translation>वयस्क</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>बच्चा</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>वरिष्ठ नागरिक</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>विद्यार्थी</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>साधारण</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>व्हीलचेयर स्थान</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>साथी सीट</translation>
    </message>
</context>
<context>
    <name>BasketScreen</name>
    <message>
        <source>Seat</source>
        <translation>सीट</translation>
    </message>
    <message>
        <source>Seat type</source>
        <translation>सीट का प्रकार</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>कीमत</translation>
    </message>
    <message>
        <source>All adult</source>
        <translation>सभी वयस्क</translation>
    </message>
    <message>
        <source>All child</source>
        <translation>सभी बच्चे</translation>
    </message>
    <message>
        <source>Change seats (Esc)</source>
        <translation>सीटें बदलें (Esc)</translation>
    </message>
    <message>
        <source>Payment  ⏎</source>
        <translation>भुगतान  ⏎</translation>
    </message>
    <message>
        <source>Promo code or voucher</source>
        <translation>प्रोमो कोड या वाउचर</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>कोड लगाएँ</translation>
    </message>
    <message>
        <source>Remove code</source>
        <translation>कोड हटाएँ</translation>
    </message>
    <message>
        <source>Ticket type for seat %1</source>
        <translation>सीट %1 के लिए टिकट का प्रकार</translation>
    </message>
    <message>
        <source>Code %1 applied.</source>
        <translation>कोड %1 लग गया।</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (पहले %2)</translation>
    </message>
    <message>
        <source>Tickets: %1</source>
        <translation>टिकट: %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>कुल %1</translation>
    </message>
    <message>
        <source>(tickets %1 + food and drink %2)</source>
        <translation>(टिकट %1 + खाना-पीना %2)</translation>
    </message>
    <message>
        <source>includes tax %1</source>
        <translation>कर %1 शामिल</translation>
    </message>
</context>
<context>
    <name>BestTogether</name>
    <message>
        <source>One seat fewer</source>
        <translation>एक सीट कम</translation>
    </message>
    <message>
        <source>Number of seats together</source>
        <translation>साथ-साथ कितनी सीटें</translation>
    </message>
    <message>
        <source>One seat more</source>
        <translation>एक सीट ज़्यादा</translation>
    </message>
    <message>
        <source>Accessible seats</source>
        <translation>सुगम्य सीटें</translation>
    </message>
    <message>
        <source>Wheelchair spaces with companion seats</source>
        <translation>साथी सीट के साथ व्हीलचेयर स्थान</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>सबसे अच्छी</translation>
    </message>
    <message>
        <source>Find the best seat</source>
        <translation>सबसे अच्छी सीट खोजें</translation>
    </message>
    <message>
        <source>Find %1 seats together</source>
        <translation>साथ-साथ %1 सीटें खोजें</translation>
    </message>
</context>
<context>
    <name>Breakdown</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>GIFT CARD</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>शेष राशि</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>कब तक मान्य</translation>
    </message>
    <message>
        <source>Pays for tickets, food and drink at the box office. Keep it safe: whoever holds the code can spend it.</source>
        <translation>बॉक्स ऑफ़िस पर टिकट, खाने-पीने का भुगतान करता है। इसे सुरक्षित रखें: जिसके पास कोड है वह इसे खर्च कर सकता है।</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>देता है</translation>
    </message>
    <message>
        <source>VOUCHER</source>
        <translation>वाउचर</translation>
    </message>
    <message>
        <source>Used once, at the box office or a self-service kiosk: type or scan the code.</source>
        <translation>एक बार उपयोग होता है, बॉक्स ऑफ़िस या सेल्फ़-सर्विस कियोस्क पर: कोड लिखें या स्कैन करें।</translation>
    </message>
    <message>
        <source>COLLECT AT THE STAND</source>
        <translation>स्टैंड से लें</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>रिफ़ंड हुआ</translation>
    </message>
</context>
<context>
    <name>CardTerminal</name>
    <message>
        <source>Tap</source>
        <translation>टैप</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>डालें</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>स्वाइप</translation>
    </message>
    <message>
        <source>Reading card… do not remove</source>
        <translation>कार्ड पढ़ा जा रहा है… निकालें नहीं</translation>
    </message>
    <message>
        <source>Card accepted
•••• %1</source>
        <translation>कार्ड स्वीकार
•••• %1</translation>
    </message>
    <message>
        <source>Tap, insert or swipe your card</source>
        <translation>अपना कार्ड टैप करें, डालें या स्वाइप करें</translation>
    </message>
</context>
<context>
    <name>CashupsScreen</name>
    <message>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>खुली</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>फ़्लोट</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Card (net)</source>
        <translation>कार्ड (शुद्ध)</translation>
    </message>
    <message>
        <source>UPI (net)</source>
        <translation>UPI (शुद्ध)</translation>
    </message>
    <message>
        <source>Gift card (net)</source>
        <translation>गिफ़्ट कार्ड (शुद्ध)</translation>
    </message>
    <message>
        <source>Points (net)</source>
        <translation>पॉइंट (शुद्ध)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>जाँच</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>मंज़ूर किया</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Card check</source>
        <translation>कार्ड जाँच</translation>
    </message>
    <message>
        <source>UPI check</source>
        <translation>UPI जाँच</translation>
    </message>
    <message>
        <source>Cash-ups</source>
        <translation>कैश-अप</translation>
    </message>
    <message>
        <source>A variance beyond %1 (in the shift&apos;s currency) either way is flagged and needs a comment before approval.</source>
        <translation>%1 से ज़्यादा का अंतर (शिफ़्ट की मुद्रा में), कम हो या ज़्यादा, चिह्नित होता है और मंज़ूरी से पहले उस पर टिप्पणी ज़रूरी है।</translation>
    </message>
    <message>
        <source>Only flagged</source>
        <translation>केवल चिह्नित</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>to</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>Choose a shift to see its count in detail.</source>
        <translation>गिनती का पूरा विवरण देखने के लिए कोई शिफ़्ट चुनें।</translation>
    </message>
    <message>
        <source>Comment (needed to approve a flagged variance)</source>
        <translation>टिप्पणी (चिह्नित अंतर मंज़ूर करने के लिए ज़रूरी)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>टिप्पणी जोड़ें</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>मंज़ूर करें</translation>
    </message>
    <message>
        <source>flagged: to review</source>
        <translation>चिह्नित: समीक्षा बाकी</translation>
    </message>
    <message>
        <source>open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>मंज़ूर</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>समीक्षा बाकी</translation>
    </message>
    <message>
        <source>Please choose a shift in the table first.</source>
        <translation>कृपया पहले तालिका में कोई शिफ़्ट चुनें।</translation>
    </message>
    <message>
        <source>Closed with a total only: no count by note and coin.</source>
        <translation>केवल कुल राशि के साथ बंद हुई: नोट और सिक्कों की अलग गिनती नहीं।</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>%1 ने मंज़ूर किया।</translation>
    </message>
    <message>
        <source>Comments: %1</source>
        <translation>टिप्पणियाँ: %1</translation>
    </message>
    <message>
        <source>Approval sent to %1: it records it at its next sync; pull the day to see it done.</source>
        <translation>मंज़ूरी %1 को भेजी गई: वह अगले सिंक में इसे दर्ज करेगा; पूरा हुआ देखने के लिए दिन का डेटा लाएँ।</translation>
    </message>
    <message>
        <source>Shift %1 approved.</source>
        <translation>शिफ़्ट %1 मंज़ूर हुई।</translation>
    </message>
    <message>
        <source>Comment saved.</source>
        <translation>टिप्पणी सहेजी गई।</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>English</source>
        <translation>अंग्रेज़ी</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>हिन्दी</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>तेलुगु</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>तमिल</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>मलयालम</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>कन्नड़</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>मराठी</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>बांग्ला</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>अरबी</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>एक्शन</translation>
    </message>
    <message>
        <source>Adventure</source>
        <translation>रोमांच</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>एनिमेशन</translation>
    </message>
    <message>
        <source>Biography</source>
        <translation>जीवनी</translation>
    </message>
    <message>
        <source>Comedy</source>
        <translation>कॉमेडी</translation>
    </message>
    <message>
        <source>Crime</source>
        <translation>अपराध</translation>
    </message>
    <message>
        <source>Documentary</source>
        <translation>वृत्तचित्र</translation>
    </message>
    <message>
        <source>Drama</source>
        <translation>ड्रामा</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>पारिवारिक</translation>
    </message>
    <message>
        <source>Fantasy</source>
        <translation>फ़ैंटेसी</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>Horror</source>
        <translation>हॉरर</translation>
    </message>
    <message>
        <source>Musical</source>
        <translation>संगीतमय</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>संगीत</translation>
    </message>
    <message>
        <source>Mystery</source>
        <translation>रहस्य</translation>
    </message>
    <message>
        <source>Romance</source>
        <translation>रोमांस</translation>
    </message>
    <message>
        <source>Sci-Fi</source>
        <translation>साइंस फ़िक्शन</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>खेल</translation>
    </message>
    <message>
        <source>Thriller</source>
        <translation>थ्रिलर</translation>
    </message>
    <message>
        <source>War</source>
        <translation>युद्ध</translation>
    </message>
    <message>
        <source>Kids</source>
        <translation>बच्चों के लिए</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>साधारण</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>व्हीलचेयर</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>साथी सीट</translation>
    </message>
    <message>
        <source>Mumbai</source>
        <translation>मुंबई</translation>
    </message>
    <message>
        <source>Hyderabad</source>
        <translation>हैदराबाद</translation>
    </message>
    <message>
        <source>Dubai</source>
        <translation>दुबई</translation>
    </message>
    <message>
        <source>Delhi</source>
        <translation>दिल्ली</translation>
    </message>
    <message>
        <source>Bengaluru</source>
        <translation>बेंगलुरु</translation>
    </message>
    <message>
        <source>Chennai</source>
        <translation>चेन्नई</translation>
    </message>
    <message>
        <source>Kolkata</source>
        <translation>कोलकाता</translation>
    </message>
    <message>
        <source>Pune</source>
        <translation>पुणे</translation>
    </message>
    <message>
        <source>Visakhapatnam</source>
        <translation>विशाखापत्तनम</translation>
    </message>
    <message>
        <source>Vijayawada</source>
        <translation>विजयवाड़ा</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>वयस्क</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>बच्चा</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>वरिष्ठ नागरिक</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>विद्यार्थी</translation>
    </message>
</context>
<context>
    <name>CollectScreen</name>
    <message>
        <source>Collect tickets</source>
        <translation>टिकट लें</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s QR code, or type the booking reference or the phone number or e-mail they booked with.</source>
        <translation>ग्राहक का QR कोड स्कैन करें, या बुकिंग संदर्भ या बुकिंग में दिया फ़ोन नंबर या ई-मेल लिखें।</translation>
    </message>
    <message>
        <source>QR, reference or phone</source>
        <translation>QR, संदर्भ या फ़ोन</translation>
    </message>
    <message>
        <source>Find  ⏎</source>
        <translation>खोजें  ⏎</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>टिकट प्रिंट करें</translation>
    </message>
    <message>
        <source>Reprint (manager)</source>
        <translation>फिर से प्रिंट (मैनेजर)</translation>
    </message>
    <message>
        <source>Scan the QR code or type a reference or phone number.</source>
        <translation>QR कोड स्कैन करें या संदर्भ या फ़ोन नंबर लिखें।</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>खोज रहे हैं…</translation>
    </message>
    <message>
        <source>The booking could not be looked up (%1). Try again.</source>
        <translation>बुकिंग नहीं खोजी जा सकी (%1)। फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Seats %1</source>
        <translation>सीटें %1</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) found: check with the customer, then print.</source>
        <translation>
            <numerusform>%n बुकिंग मिली: ग्राहक से जाँचें, फिर प्रिंट करें।</numerusform>
            <numerusform>%n बुकिंग मिलीं: ग्राहक से जाँचें, फिर प्रिंट करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>प्रिंट हो रहा है…</translation>
    </message>
    <message>
        <source>Tickets for %1 printed.</source>
        <translation>%1 के टिकट प्रिंट हो गए।</translation>
    </message>
    <message>
        <source>The tickets could not be printed (%1). Try again.</source>
        <translation>टिकट प्रिंट नहीं हो सके (%1)। फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Collect your tickets</source>
        <translation>अपने टिकट लें</translation>
    </message>
    <message>
        <source>Scan the QR code from your e-mail or SMS, or type your booking reference or the phone number you booked with.</source>
        <translation>अपने ई-मेल या SMS का QR कोड स्कैन करें, या बुकिंग संदर्भ या बुकिंग वाला फ़ोन नंबर लिखें।</translation>
    </message>
    <message>
        <source>Find my booking</source>
        <translation>मेरी बुकिंग खोजें</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>आपके टिकट प्रिंट हो रहे हैं…</translation>
    </message>
    <message>
        <source>Scan your QR code, or type your booking reference or phone number.</source>
        <translation>अपना QR कोड स्कैन करें, या बुकिंग संदर्भ या फ़ोन नंबर लिखें।</translation>
    </message>
    <message>
        <source>Looking for your booking…</source>
        <translation>आपकी बुकिंग खोजी जा रही है…</translation>
    </message>
    <message>
        <source>To print your tickets, type the last 4 characters of your booking reference (in your e-mail or SMS), then Find.</source>
        <translation>टिकट प्रिंट करने के लिए अपने बुकिंग संदर्भ के आख़िरी 4 अक्षर लिखें (आपके ई-मेल या SMS में), फिर खोजें दबाएँ।</translation>
    </message>
    <message>
        <source>Is this your booking? Tap it to print your tickets.</source>
        <translation>क्या यह आपकी बुकिंग है? टिकट प्रिंट करने के लिए इसे छुएँ।</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>सीटें: %1</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>Your confirmation</source>
        <translation>आपकी पुष्टि</translation>
    </message>
    <message>
        <source>Where should we send your booking confirmation?</source>
        <translation>आपकी बुकिंग की पुष्टि हम कहाँ भेजें?</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ई-मेल</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>नहीं, धन्यवाद</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>आगे बढ़ें</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>10-digit mobile number</source>
        <translation>10 अंकों का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>That e-mail address does not look right. Please check it.</source>
        <translation>यह ई-मेल पता सही नहीं लगता। कृपया जाँच लें।</translation>
    </message>
    <message>
        <source>That mobile number does not look right. Please check it.</source>
        <translation>यह मोबाइल नंबर सही नहीं लगता। कृपया जाँच लें।</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>How many tickets?</source>
        <translation>कितने टिकट?</translation>
    </message>
    <message>
        <source>How many people are coming? We will find the best seats together; you can change them on the next screen.</source>
        <translation>कितने लोग आ रहे हैं? हम सबसे अच्छी सीटें साथ-साथ ढूँढेंगे; अगली स्क्रीन पर आप उन्हें बदल सकते हैं।</translation>
    </message>
    <message>
        <source>I will pick my seats on the map</source>
        <translation>मैं नक्शे पर खुद सीटें चुनूँगा</translation>
    </message>
</context>
<context>
    <name>CounterMode</name>
    <message>
        <source>Box Office</source>
        <translation>बॉक्स ऑफ़िस</translation>
    </message>
    <message>
        <source>Sales (F2)</source>
        <translation>बिक्री (F2)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Gift cards (F3)</source>
        <translation>गिफ़्ट कार्ड (F3)</translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Refund (F6)</source>
        <translation>रिफ़ंड (F6)</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Collect (F7)</source>
        <translation>टिकट दें (F7)</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>टिकट दें</translation>
    </message>
    <message>
        <source>Close shift (F9)</source>
        <translation>शिफ़्ट बंद करें (F9)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>शिफ़्ट बंद करें</translation>
    </message>
    <message>
        <source>Sign out (F12)</source>
        <translation>साइन आउट (F12)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>साइन इन नहीं है</translation>
    </message>
    <message>
        <source>Shift since %1 · float %2</source>
        <translation>शिफ़्ट %1 से · फ़्लोट %2</translation>
    </message>
    <message>
        <source>No shift: card sales only</source>
        <translation>कोई शिफ़्ट नहीं: केवल कार्ड बिक्री</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>%n मिनट तक कोई गतिविधि न होने से लॉक हो गया। फिर से साइन इन करें।</numerusform>
            <numerusform>%n मिनट तक कोई गतिविधि न होने से लॉक हो गया। फिर से साइन इन करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out. Next cashier, please sign in.</source>
        <translation>साइन आउट हो गया। अगले कैशियर, कृपया साइन इन करें।</translation>
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation>सबसे अच्छी सीटें ढूँढी जा रही हैं…</translation>
    </message>
    <message>
        <source>No seats were held.</source>
        <translation>कोई सीट रोकी नहीं गई।</translation>
    </message>
    <message>
        <source>Choose the seats on the map.</source>
        <translation>नक्शे पर सीटें चुनें।</translation>
    </message>
    <message>
        <source>Exchanged %1 for %2.</source>
        <translation>%1 को %2 से बदला गया।</translation>
    </message>
    <message>
        <source>Seats held %1</source>
        <translation>सीटें रुकी हुई %1</translation>
    </message>
    <message>
        <source>The seat hold ran out, so the seats were released. Please choose the seats again.</source>
        <translation>सीटों को रोकने का समय खत्म हो गया, इसलिए सीटें छोड़ दी गईं। कृपया सीटें फिर से चुनें।</translation>
    </message>
    <message>
        <source>The seat hold ends in under a minute. Touch the screen to keep the seats.</source>
        <translation>सीटों को रोकने का समय एक मिनट से कम बचा है। सीटें रखने के लिए स्क्रीन छुएँ।</translation>
    </message>
    <message>
        <source>The customer&apos;s language (their display and confirmation)</source>
        <translation>ग्राहक की भाषा (उनकी स्क्रीन और पुष्टि)</translation>
    </message>
</context>
<context>
    <name>CurrencySection</name>
    <message>
        <source>Tickets sold</source>
        <translation>बिके टिकट</translation>
    </message>
    <message>
        <source>Gross sales (with tax)</source>
        <translation>सकल बिक्री (कर सहित)</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>रिफ़ंड किया गया</translation>
    </message>
    <message>
        <source>Net revenue (after tax)</source>
        <translation>शुद्ध आय (कर के बाद)</translation>
    </message>
    <message>
        <source>Seats filled</source>
        <translation>भरी सीटें</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>खाना-पीना</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>सकल</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>स्क्रीन</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिके</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>भराव</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Cash variance</source>
        <translation>नकद अंतर</translation>
    </message>
    <message>
        <source>By film</source>
        <translation>फ़िल्म अनुसार</translation>
    </message>
    <message>
        <source>By screen</source>
        <translation>स्क्रीन अनुसार</translation>
    </message>
    <message>
        <source>By cashier (cash variance: counted at the close minus expected)</source>
        <translation>कैशियर अनुसार (नकद अंतर: बंद करते समय गिना गया घटा अपेक्षित)</translation>
    </message>
    <message>
        <source>By hour (the cinema&apos;s clock)</source>
        <translation>घंटे अनुसार (सिनेमा की घड़ी से)</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: कुछ नहीं</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %4 %)</source>
        <translation>%1: %2 (%3 %4 %)</translation>
    </message>
    <message>
        <source>bookings: %1</source>
        <translation>बुकिंग: %1</translation>
    </message>
    <message>
        <source>average ticket %1</source>
        <translation>औसत टिकट %1</translation>
    </message>
    <message>
        <source>%1 awaiting approval (%2), not subtracted</source>
        <translation>%1 मंज़ूरी के इंतज़ार में (%2), घटाया नहीं गया</translation>
    </message>
    <message>
        <source>none awaiting approval</source>
        <translation>कोई मंज़ूरी बाकी नहीं</translation>
    </message>
    <message>
        <source>after %1 tax</source>
        <translation>%1 कर के बाद</translation>
    </message>
    <message>
        <source>%1 of %2 seats in %3 show(s)</source>
        <translation>%3 शो में %2 में से %1 सीटें</translation>
    </message>
    <message>
        <source>%1 per ticket sold</source>
        <translation>हर बिके टिकट पर %1</translation>
    </message>
    <message>
        <source>Gross by hour (%1)</source>
        <translation>घंटे अनुसार सकल (%1)</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>यह अवधि</translation>
    </message>
</context>
<context>
    <name>CustomerBanner</name>
    <message>
        <source>Sorry, something went wrong. Please try again, or ask a member of staff for help.</source>
        <translation>माफ़ कीजिए, कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें, या स्टाफ़ से मदद लें।</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation>स्वागत है</translation>
    </message>
    <message>
        <source>Please tell us which film you would like.</source>
        <translation>कृपया बताएँ कि आप कौन-सी फ़िल्म देखना चाहते हैं।</translation>
    </message>
    <message>
        <source>Your seats</source>
        <translation>आपकी सीटें</translation>
    </message>
    <message>
        <source>Choosing your seats…</source>
        <translation>आपकी सीटें चुनी जा रही हैं…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>आपका बाकी पैसा</translation>
    </message>
    <message>
        <source>Thank you! Enjoy the show.</source>
        <translation>धन्यवाद! शो का आनंद लें।</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>बुकिंग संदर्भ</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>छूट</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>वयस्क</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>बच्चा</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>वरिष्ठ नागरिक</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>छात्र</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Hour</source>
        <translation>घंटा</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Food by category</source>
        <translation>श्रेणी अनुसार खाना-पीना</translation>
    </message>
    <message>
        <source>Food by item</source>
        <translation>आइटम अनुसार खाना-पीना</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>भुगतान माध्यम</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>ऑफ़र</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>%1 not pulled from the cloud yet: this device&apos;s sales only.</source>
        <translation>%1 का डेटा अभी क्लाउड से नहीं आया: केवल इस डिवाइस की बिक्री।</translation>
    </message>
    <message>
        <source>Sales up to %1 from %2 of %3 devices</source>
        <translation>%1 तक की बिक्री, %3 में से %2 डिवाइस से</translation>
    </message>
    <message>
        <source>%1 last seen %2</source>
        <translation>%1 आख़िरी बार दिखा: %2</translation>
    </message>
    <message>
        <source>%1 has %2 not yet sent</source>
        <translation>%1 पर %2 अभी भेजे नहीं गए</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Cinema or currency shown</source>
        <translation>दिखाया गया सिनेमा या मुद्रा</translation>
    </message>
    <message>
        <source>Every %1 cinema (%2)</source>
        <translation>सभी %1 सिनेमा (%2)</translation>
    </message>
    <message>
        <source>Whole chain, each currency apart</source>
        <translation>पूरी चेन, हर मुद्रा अलग</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>to</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Showing</source>
        <translation>दिखाएँ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Pull the day</source>
        <translation>दिन का डेटा लाएँ</translation>
    </message>
    <message>
        <source>Daily PDF</source>
        <translation>दैनिक PDF</translation>
    </message>
    <message>
        <source>Totals CSV</source>
        <translation>कुल योग CSV</translation>
    </message>
    <message>
        <source>Shows of the dates (each at its cinema&apos;s time)</source>
        <translation>इन तारीख़ों के शो (हर शो अपने सिनेमा के समय से)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>Every table behind the figures</source>
        <translation>आँकड़ों के पीछे की हर तालिका</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>शुरू</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>स्क्रीन</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिके</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>सीटें</translation>
    </message>
    <message>
        <source>In</source>
        <translation>प्रवेश</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>भराव</translation>
    </message>
    <message>
        <source>Cloud sync is not running on this console; nothing was pulled.</source>
        <translation>इस कंसोल पर क्लाउड सिंक नहीं चल रहा; कुछ नहीं लाया गया।</translation>
    </message>
    <message>
        <source>%1 · in %2</source>
        <translation>%1 · %2 में</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>%1 में: %2</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>%1 में</translation>
    </message>
    <message>
        <source>%1, business dates and times at each cinema (%2), compared with %3. Gross includes tax; net revenue = gross - refunds - exchange credit - tax. No amount is converted between currencies.</source>
        <translation>%1, हर सिनेमा की कारोबारी तारीख़ें और समय (%2), %3 से तुलना। सकल में कर शामिल है; शुद्ध आय = सकल - रिफ़ंड - बदलाव क्रेडिट - कर। कोई राशि एक मुद्रा से दूसरी में नहीं बदली जाती।</translation>
    </message>
    <message>
        <source>Sales by show are listed for one cinema, or for one day. %1 shows sold tickets on these dates: their sales are in the totals and in the cinema, film and other tables.</source>
        <translation>शो के हिसाब से बिक्री एक सिनेमा या एक दिन के लिए दिखाई जाती है। इन तारीख़ों में %1 शो के टिकट बिके: उनकी बिक्री कुल योग में और सिनेमा, फ़िल्म व अन्य तालिकाओं में शामिल है।</translation>
    </message>
    <message>
        <source>Save daily report</source>
        <translation>दैनिक रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 नहीं लिखी जा सकी: %2।</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
</context>
<context>
    <name>DayCloseScreen</name>
    <message>
        <source>Day close</source>
        <translation>दिन बंद</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Pull the day</source>
        <translation>दिन का डेटा लाएँ</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>दिन बंद करें</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF सहेजें</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>CSV सहेजें</translation>
    </message>
    <message>
        <source>Closing freezes the day&apos;s totals for good: every shift of the day must be closed first (here and, once the day is pulled, on every device). Sales after the close fall on the next business day; a correction is an adjustment with a reason.</source>
        <translation>बंद करने से दिन के कुल आँकड़े हमेशा के लिए स्थिर हो जाते हैं: पहले दिन की हर शिफ़्ट बंद होनी चाहिए (यहाँ, और दिन का डेटा लाने के बाद, हर डिवाइस पर)। बंद होने के बाद की बिक्री अगले कारोबारी दिन में जाती है; सुधार कारण सहित एक समायोजन होता है।</translation>
    </message>
    <message>
        <source>Amount, e.g. -12.50</source>
        <translation>राशि, जैसे -12.50</translation>
    </message>
    <message>
        <source>Reason (printed on the Z report)</source>
        <translation>कारण (Z रिपोर्ट पर छपेगा)</translation>
    </message>
    <message>
        <source>Add adjustment</source>
        <translation>समायोजन जोड़ें</translation>
    </message>
    <message>
        <source>signature matches</source>
        <translation>हस्ताक्षर मेल खाता है</translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT MATCH</source>
        <translation>हस्ताक्षर मेल नहीं खाता</translation>
    </message>
    <message>
        <source>%1: closed %2 by %3; %4</source>
        <translation>%1: %2 को %3 ने बंद किया; %4</translation>
    </message>
    <message>
        <source>%1: open, %2 shift still open (%3)</source>
        <translation>%1: खुला, %2 शिफ़्ट अभी खुली (%3)</translation>
    </message>
    <message>
        <source>%1: open, %2 shifts still open (%3)</source>
        <translation>%1: खुला, %2 शिफ़्टें अभी खुली (%3)</translation>
    </message>
    <message>
        <source>%1: open, every shift closed: ready to close</source>
        <translation>%1: खुला, हर शिफ़्ट बंद: बंद करने को तैयार</translation>
    </message>
    <message>
        <source>Close the business day</source>
        <translation>कारोबारी दिन बंद करें</translation>
    </message>
    <message>
        <source>Close business day %1? Its totals are then frozen and signed by you; later sales fall on the next day.</source>
        <translation>कारोबारी दिन %1 बंद करें? इसके कुल आँकड़े स्थिर होकर आपके हस्ताक्षर से दर्ज होंगे; बाद की बिक्री अगले दिन में जाएगी।</translation>
    </message>
    <message>
        <source>Business day %1 is closed. Save the PDF to print it.</source>
        <translation>कारोबारी दिन %1 बंद हो गया। प्रिंट करने के लिए PDF सहेजें।</translation>
    </message>
    <message>
        <source>Cloud sync is not running on this console; nothing was pulled.</source>
        <translation>इस कंसोल पर क्लाउड सिंक नहीं चल रहा; कुछ नहीं लाया गया।</translation>
    </message>
    <message>
        <source>The day was pulled from every device.</source>
        <translation>हर डिवाइस से दिन का डेटा लाया गया।</translation>
    </message>
    <message>
        <source>Adjustment recorded; it is on the Z report.</source>
        <translation>समायोजन दर्ज हुआ; यह Z रिपोर्ट पर है।</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Save the Z report</source>
        <translation>Z रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Nothing was written.</source>
        <translation>%1 नहीं लिखी जा सकी: %2। कुछ नहीं लिखा गया।</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
    <message>
        <source>Type the adjustment as an amount, e.g. -12.50 (missing) or 20 (found).</source>
        <translation>समायोजन राशि के रूप में लिखें, जैसे -12.50 (कमी) या 20 (अधिक)।</translation>
    </message>
    <message>
        <source>Preview: not closed, the figures can still change.</source>
        <translation>पूर्वावलोकन: बंद नहीं, आँकड़े अभी बदल सकते हैं।</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <source>Enjoy the show!</source>
        <translation>शो का आनंद लें!</translation>
    </message>
    <message>
        <source>Your booking reference</source>
        <translation>आपका बुकिंग संदर्भ</translation>
    </message>
    <message>
        <source>Show this code at the entrance</source>
        <translation>प्रवेश द्वार पर यह कोड दिखाएँ</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>टिकट प्रिंट करें</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>सीटें: %1</translation>
    </message>
    <message>
        <source>Snacks: %1 — collect them at the food counter with %2</source>
        <translation>स्नैक्स: %1 — इन्हें फ़ूड काउंटर से %2 दिखाकर लें</translation>
    </message>
    <message>
        <source>Paid %1 by card •••• %2</source>
        <translation>कार्ड •••• %2 से %1 का भुगतान हुआ</translation>
    </message>
    <message>
        <source>You earned %1 points.</source>
        <translation>आपने %1 पॉइंट कमाए।</translation>
    </message>
    <message>
        <source>A confirmation is on its way to %1.</source>
        <translation>पुष्टि %1 पर भेजी जा रही है।</translation>
    </message>
</context>
<context>
    <name>DoorMode</name>
    <message>
        <source>This ticket was exchanged or cancelled: it admits nobody. The customer&apos;s new ticket admits them.</source>
        <translation>यह टिकट बदला या रद्द किया जा चुका है: इससे किसी को प्रवेश नहीं मिलता। ग्राहक के नए टिकट से प्रवेश मिलेगा।</translation>
    </message>
    <message>
        <source>Refunded: this ticket is no longer valid.</source>
        <translation>रिफ़ंड हो चुका: यह टिकट अब मान्य नहीं है।</translation>
    </message>
    <message>
        <source>This booking is not valid for entry (its seats went to another sale first). Send the customer to the box office.</source>
        <translation>यह बुकिंग प्रवेश के लिए मान्य नहीं है (इसकी सीटें पहले किसी दूसरी बिक्री में चली गईं)। ग्राहक को बॉक्स ऑफ़िस भेजें।</translation>
    </message>
    <message>
        <source>Wrong hall: this ticket is for %1 (%2, %3).</source>
        <translation>गलत हॉल: यह टिकट %1 (%2, %3) के लिए है।</translation>
    </message>
    <message>
        <source>Wrong day: this ticket is for %1.</source>
        <translation>गलत दिन: यह टिकट %1 के लिए है।</translation>
    </message>
    <message>
        <source>Wrong show: this ticket is for %1 at %2.</source>
        <translation>गलत शो: यह टिकट %2 पर %1 के लिए है।</translation>
    </message>
    <message>
        <source>Too early: doors for %1 open at %2.</source>
        <translation>बहुत जल्दी: %1 के लिए दरवाज़े %2 पर खुलेंगे।</translation>
    </message>
    <message>
        <source>This show has ended (it started at %1).</source>
        <translation>यह शो ख़त्म हो चुका है (यह %1 पर शुरू हुआ था)।</translation>
    </message>
    <message>
        <source>Already admitted at %1, %2. Do not admit again; ask a manager if in doubt.</source>
        <translation>पहले ही %1, %2 पर प्रवेश हो चुका है। दोबारा प्रवेश न दें; शक हो तो मैनेजर से पूछें।</translation>
    </message>
    <message>
        <source>No booking %1 for this cinema. Check the ticket, or send the customer to the box office.</source>
        <translation>इस सिनेमा के लिए कोई बुकिंग %1 नहीं है। टिकट जाँचें, या ग्राहक को बॉक्स ऑफ़िस भेजें।</translation>
    </message>
    <message>
        <source>This ticket&apos;s code is not genuine or not of this box office. Do not admit: send the customer to the box office.</source>
        <translation>इस टिकट का कोड असली नहीं है या इस बॉक्स ऑफ़िस का नहीं है। प्रवेश न दें: ग्राहक को बॉक्स ऑफ़िस भेजें।</translation>
    </message>
    <message>
        <source>The scan was not read as a ticket. Scan the QR code again; a reference read out must be typed in (Type a reference).</source>
        <translation>स्कैन टिकट के रूप में नहीं पढ़ा गया। QR कोड फिर से स्कैन करें; बोलकर बताया गया संदर्भ टाइप करना होगा (संदर्भ लिखें)।</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <source>Door name, e.g. Door 2</source>
        <translation>दरवाज़े का नाम, जैसे Door 2</translation>
    </message>
    <message>
        <source>Every hall</source>
        <translation>सभी हॉल</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>दरवाज़ा</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>हॉल</translation>
    </message>
    <message>
        <source>Scan the ticket&apos;s QR code</source>
        <translation>टिकट का QR कोड स्कैन करें</translation>
    </message>
    <message>
        <source>Type a reference</source>
        <translation>संदर्भ लिखें</translation>
    </message>
    <message>
        <source>Type the booking reference, e.g. K7QX-4M2P, then Enter</source>
        <translation>बुकिंग संदर्भ लिखें, जैसे K7QX-4M2P, फिर Enter</translation>
    </message>
    <message>
        <source>Name this door</source>
        <translation>इस दरवाज़े का नाम दें</translation>
    </message>
    <message>
        <source>Type the door&apos;s name above (for example Door 2), then scan tickets.</source>
        <translation>ऊपर दरवाज़े का नाम लिखें (जैसे Door 2), फिर टिकट स्कैन करें।</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <source>Scan the next ticket.</source>
        <translation>अगला टिकट स्कैन करें।</translation>
    </message>
    <message>
        <source>No door name</source>
        <translation>दरवाज़े का नाम नहीं</translation>
    </message>
    <message>
        <source>ADMIT %1</source>
        <translation>प्रवेश %1</translation>
    </message>
    <message>
        <source>Seats %1</source>
        <translation>सीटें %1</translation>
    </message>
    <message>
        <source>(offline: recorded here, sent when back online)</source>
        <translation>(ऑफ़लाइन: यहाँ दर्ज, ऑनलाइन होने पर भेजा जाएगा)</translation>
    </message>
    <message>
        <source>DO NOT ADMIT</source>
        <translation>प्रवेश न दें</translation>
    </message>
    <message>
        <source>The scan could not be checked (%1). Try again; if it keeps failing, call a manager.</source>
        <translation>स्कैन जाँचा नहीं जा सका (%1)। फिर से कोशिश करें; बार-बार हो तो मैनेजर को बुलाएँ।</translation>
    </message>
    <message>
        <source>Admitted today: %1</source>
        <translation>आज प्रवेश: %1</translation>
    </message>
    <message>
        <source>Today&apos;s bookings pulled at %1</source>
        <translation>आज की बुकिंग %1 बजे ली गईं</translation>
    </message>
    <message>
        <source>This door checks this device&apos;s own bookings (no cloud).</source>
        <translation>यह दरवाज़ा केवल इसी डिवाइस की बुकिंग जाँचता है (क्लाउड नहीं)।</translation>
    </message>
    <message>
        <source>Offline: admitting from the bookings pulled earlier.</source>
        <translation>ऑफ़लाइन: पहले ली गई बुकिंग से प्रवेश दे रहे हैं।</translation>
    </message>
</context>
<context>
    <name>DoorSignInPage</name>
    <message>
        <source>Door: usher sign-in</source>
        <translation>दरवाज़ा: अशर साइन-इन</translation>
    </message>
</context>
<context>
    <name>DrawerCountGrid</name>
    <message>
        <source>Notes</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>सिक्के</translation>
    </message>
    <message>
        <source>coins</source>
        <translation>सिक्के</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Number of %1 %2</source>
        <translation>%1 %2 की संख्या</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong. The sale was not completed and your data is safe. Please try again; if it happens again, call a manager.</source>
        <translation>कुछ गड़बड़ हो गई। बिक्री पूरी नहीं हुई और आपका डेटा सुरक्षित है। कृपया फिर से कोशिश करें; दोबारा हो तो मैनेजर को बुलाएँ।</translation>
    </message>
    <message>
        <source>Box Office Kiosk</source>
        <translation>बॉक्स ऑफ़िस कियोस्क</translation>
    </message>
</context>
<context>
    <name>FilmsScreen</name>
    <message>
        <source>Choose a film</source>
        <translation>फ़िल्म चुनें</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>फ़िल्टर हटाएँ</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>शैली</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>कोई भी दिन</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>सभी शहर</translation>
    </message>
    <message>
        <source>All cinemas</source>
        <translation>सभी सिनेमा</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>सभी भाषाएँ</translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>सभी शैलियाँ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>कल</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) showing</source>
        <translation>
            <numerusform>%n फ़िल्म चल रही है</numerusform>
            <numerusform>%n फ़िल्में चल रही हैं</numerusform>
        </translation>
    </message>
    <message>
        <source>No films match these filters. Try clearing some.</source>
        <translation>इन फ़िल्टरों से कोई फ़िल्म नहीं मिली। कुछ फ़िल्टर हटाकर देखें।</translation>
    </message>
</context>
<context>
    <name>FilmsTab</name>
    <message>
        <source>Title</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Genres</source>
        <translation>शैलियाँ</translation>
    </message>
    <message>
        <source>Cert.</source>
        <translation>प्रमाण.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>मिनट</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>पोस्टर</translation>
    </message>
    <message>
        <source>Comma separated, e.g. Drama, Comedy</source>
        <translation>कॉमा से अलग, जैसे Drama, Comedy</translation>
    </message>
    <message>
        <source>Image file (optional)</source>
        <translation>इमेज फ़ाइल (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>चुनें</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>प्रमाणपत्र</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>New film</source>
        <translation>नई फ़िल्म</translation>
    </message>
    <message>
        <source>Save film</source>
        <translation>फ़िल्म सहेजें</translation>
    </message>
    <message>
        <source>Poster image</source>
        <translation>पोस्टर इमेज</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>इमेज (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
</context>
<context>
    <name>FinderScreen</name>
    <message>
        <source>Find a show</source>
        <translation>शो खोजें</translation>
    </message>
    <message>
        <source>Search film, cinema, language or genre (F2)</source>
        <translation>फ़िल्म, सिनेमा, भाषा या शैली खोजें (F2)</translation>
    </message>
    <message>
        <source>Search shows</source>
        <translation>शो खोजें</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>शैली</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>फ़िल्टर हटाएँ</translation>
    </message>
    <message>
        <source>Choose seats  ⏎</source>
        <translation>सीटें चुनें  ⏎</translation>
    </message>
    <message>
        <source>Show times</source>
        <translation>शो के समय</translation>
    </message>
    <message>
        <source>All shows</source>
        <translation>सभी शो</translation>
    </message>
    <message>
        <source>Choose a cinema in All shows to see its show times here (or set this counter&apos;s cinema_id).</source>
        <translation>यहाँ शो के समय देखने के लिए सभी शो में सिनेमा चुनें (या इस काउंटर का cinema_id सेट करें)।</translation>
    </message>
    <message>
        <source>Exchanging booking %1 (%2 seats): choose the new show.</source>
        <translation>बुकिंग %1 (%2 सीटें) बदली जा रही है: नया शो चुनें।</translation>
    </message>
    <message>
        <source>Exchange cancelled.</source>
        <translation>बदलाव रद्द किया गया।</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>सभी दिन</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>कल</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>सभी शहर</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>सभी भाषाएँ</translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>सभी शैलियाँ</translation>
    </message>
    <message>
        <source>All cinemas</source>
        <translation>सभी सिनेमा</translation>
    </message>
    <message numerus="yes">
        <source>%n show(s)</source>
        <translation>
            <numerusform>%n शो</numerusform>
            <numerusform>%n शो</numerusform>
        </translation>
    </message>
    <message>
        <source>No shows match. Try another date or clear the filters.</source>
        <translation>कोई शो नहीं मिला। दूसरी तारीख चुनें या फ़िल्टर हटाएँ।</translation>
    </message>
    <message>
        <source>%1 at %2 is sold out.</source>
        <translation>%2 बजे का %1 पूरी तरह बिक चुका है।</translation>
    </message>
</context>
<context>
    <name>FirstManagerScreen</name>
    <message>
        <source>Box Office Kiosk: create the first manager</source>
        <translation>बॉक्स ऑफ़िस कियोस्क: पहला मैनेजर बनाएँ</translation>
    </message>
    <message>
        <source>Create the first manager</source>
        <translation>पहला मैनेजर बनाएँ</translation>
    </message>
    <message>
        <source>This kiosk ({kiosk}) has no staff yet. Enter the manager who sets it up: they sign in to the manager console next, add the cinema&apos;s films, halls and shows, and add the other staff. No demo data is loaded; to try the kiosk with demo data instead, start it with kiosk --demo.</source>
        <translation>इस कियोस्क ({kiosk}) में अभी कोई स्टाफ़ नहीं है। उस मैनेजर की जानकारी दर्ज करें जो इसे सेट अप करेगा: वे इसके बाद मैनेजर कंसोल में साइन इन करेंगे, सिनेमा की फ़िल्में, हॉल और शो जोड़ेंगे, और बाकी स्टाफ़ को जोड़ेंगे। कोई डेमो डेटा लोड नहीं होता; इसके बजाय डेमो डेटा के साथ कियोस्क आज़माने के लिए इसे kiosk --demo से शुरू करें।</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>पूरा नाम</translation>
    </message>
    <message>
        <source>3 to 8 digits</source>
        <translation>3 से 8 अंक</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>स्टाफ़ नंबर</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>पिन दोबारा</translation>
    </message>
    <message>
        <source>The PIN is {low} to {high} digits, not one digit repeated (like 0000) and not a run (like 1234 or 9876).</source>
        <translation>पिन {low} से {high} अंकों का हो, एक ही अंक दोहराया हुआ नहीं (जैसे 0000) और अंकों का क्रम नहीं (जैसे 1234 या 9876)।</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>मैनेजर बनाएँ</translation>
    </message>
    <message>
        <source>Creating the manager ...</source>
        <translation>मैनेजर बनाया जा रहा है ...</translation>
    </message>
    <message>
        <source>Could not create the manager: {error}</source>
        <translation>मैनेजर नहीं बन सका: {error}</translation>
    </message>
    <message>
        <source>Manager {name} ({number}) created. Sign in with that staff number and PIN.</source>
        <translation>मैनेजर {name} ({number}) बन गया। इसी स्टाफ़ नंबर और पिन से साइन इन करें।</translation>
    </message>
    <message>
        <source>The manager</source>
        <translation>मैनेजर</translation>
    </message>
    <message>
        <source>The cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>as customers know it</source>
        <translation>जैसा ग्राहक जानते हैं</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Cinema name</source>
        <translation>सिनेमा का नाम</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>समय क्षेत्र</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Cinema id (optional)</source>
        <translation>सिनेमा आईडी (वैकल्पिक)</translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation>नाम से बनेगी</translation>
    </message>
    <message>
        <source>Create the cinema and the manager</source>
        <translation>सिनेमा और मैनेजर बनाएँ</translation>
    </message>
    <message>
        <source>Cinema {cinema} ({id}) created.</source>
        <translation>सिनेमा {cinema} ({id}) बन गया।</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Box Office Kiosk: set up this device</source>
        <translation>बॉक्स ऑफ़िस कियोस्क: इस डिवाइस को सेट अप करें</translation>
    </message>
    <message>
        <source>Join this device to a cinema</source>
        <translation>इस डिवाइस को किसी सिनेमा से जोड़ें</translation>
    </message>
    <message>
        <source>The cloud is switched on ({where}, table {table}), but this device has no cinema yet. Enter the cinema id your manager gave you. The device will fetch the schedule, prices and staff list from the cloud; no demo data is loaded.</source>
        <translation>क्लाउड चालू है ({where}, टेबल {table}), लेकिन यह डिवाइस अभी किसी सिनेमा से नहीं जुड़ा है। अपने मैनेजर से मिली सिनेमा आईडी दर्ज करें। डिवाइस शेड्यूल, कीमतें और स्टाफ़ सूची क्लाउड से लाएगा; कोई डेमो डेटा लोड नहीं होगा।</translation>
    </message>
    <message>
        <source>cinema id, e.g. hyd-central</source>
        <translation>सिनेमा आईडी, जैसे hyd-central</translation>
    </message>
    <message>
        <source>Join cinema</source>
        <translation>सिनेमा से जोड़ें</translation>
    </message>
    <message>
        <source>Use the demo data instead</source>
        <translation>इसके बजाय डेमो डेटा इस्तेमाल करें</translation>
    </message>
    <message>
        <source>Cinema id</source>
        <translation>सिनेमा आईडी</translation>
    </message>
    <message>
        <source>This device&apos;s kiosk id</source>
        <translation>इस डिवाइस की कियोस्क आईडी</translation>
    </message>
    <message>
        <source>Joining {cinema} ...</source>
        <translation>{cinema} से जोड़ा जा रहा है ...</translation>
    </message>
    <message>
        <source>Joining failed unexpectedly: {error}</source>
        <translation>जोड़ते समय अनपेक्षित गड़बड़ी हुई: {error}</translation>
    </message>
</context>
<context>
    <name>FoodPanel</name>
    <message>
        <source>Food and drink</source>
        <translation>खाना-पीना</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>आइटम हटाएँ</translation>
    </message>
    <message>
        <source>None yet. Tap an item to add it; tap again for one more.</source>
        <translation>अभी कुछ नहीं। जोड़ने के लिए आइटम छुएँ; एक और के लिए फिर छुएँ।</translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation>%1 चुनें</translation>
    </message>
</context>
<context>
    <name>GiftCardScreen</name>
    <message>
        <source>Gift cards</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Gift card code</source>
        <translation>गिफ़्ट कार्ड कोड</translation>
    </message>
    <message>
        <source>Check balance</source>
        <translation>बैलेंस देखें</translation>
    </message>
    <message>
        <source>Amount to put on the card</source>
        <translation>कार्ड पर डालने की राशि</translation>
    </message>
    <message>
        <source>Sell a new card</source>
        <translation>नया कार्ड बेचें</translation>
    </message>
    <message>
        <source>Top up this card</source>
        <translation>इस कार्ड में राशि जोड़ें</translation>
    </message>
    <message>
        <source>Back to sales (Esc)</source>
        <translation>बिक्री पर वापस (Esc)</translation>
    </message>
    <message>
        <source>Sell or top up</source>
        <translation>बेचें या राशि जोड़ें</translation>
    </message>
    <message>
        <source>Cash needs an open shift (sign in again to open one).</source>
        <translation>नकद के लिए खुली शिफ़्ट चाहिए (शिफ़्ट खोलने के लिए फिर से साइन इन करें)।</translation>
    </message>
    <message>
        <source>A card sold or topped up shows here, with its code as a QR.</source>
        <translation>बेचा गया या भरा गया कार्ड यहाँ दिखेगा, उसके कोड के QR के साथ।</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>कार्ड प्रिंट करें</translation>
    </message>
    <message>
        <source>Save card PDF</source>
        <translation>कार्ड PDF सहेजें</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; holds &lt;b&gt;%2&lt;/b&gt; · %3 · valid until %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; में &lt;b&gt;%2&lt;/b&gt; है · %3 · %4 तक मान्य</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>जोड़ा गया</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>खर्च किया</translation>
    </message>
    <message>
        <source>refunded onto it</source>
        <translation>रिफ़ंड होकर वापस आया</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>स्थानांतरित</translation>
    </message>
    <message>
        <source>Cash received (empty: the exact amount)</source>
        <translation>प्राप्त नकद (ख़ाली: ठीक राशि)</translation>
    </message>
    <message>
        <source>Last 4 digits of the card</source>
        <translation>कार्ड के आख़िरी 4 अंक</translation>
    </message>
    <message>
        <source>UPI reference (UTR)</source>
        <translation>UPI संदर्भ (UTR)</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>PDF नहीं लिखी जा सकी: %1</translation>
    </message>
    <message>
        <source>Gift card saved to %1</source>
        <translation>गिफ़्ट कार्ड %1 में सहेजा गया</translation>
    </message>
    <message>
        <source>Gift card sent to the printer.</source>
        <translation>गिफ़्ट कार्ड प्रिंटर को भेजा गया।</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>प्रिंटिंग रद्द की गई।</translation>
    </message>
    <message>
        <source>Type the amount as a number, for example 1000.</source>
        <translation>राशि अंकों में लिखें, जैसे 1000।</translation>
    </message>
    <message>
        <source>Type the amount to put on the card, or tap one.</source>
        <translation>कार्ड पर डालने की राशि लिखें, या कोई एक चुनें।</translation>
    </message>
    <message>
        <source>Gift card sold</source>
        <translation>गिफ़्ट कार्ड बिका</translation>
    </message>
    <message>
        <source>Gift card topped up</source>
        <translation>गिफ़्ट कार्ड में राशि जोड़ी गई</translation>
    </message>
    <message>
        <source>Give the customer the card or this code; the QR carries it.</source>
        <translation>ग्राहक को कार्ड या यह कोड दें; QR में यही कोड है।</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>वापस देने हैं %1</translation>
    </message>
</context>
<context>
    <name>HallEditorScreen</name>
    <message>
        <source>Standard</source>
        <translation>साधारण</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>व्हीलचेयर</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>साथी सीट</translation>
    </message>
    <message>
        <source>Aisle / gap</source>
        <translation>गलियारा / खाली</translation>
    </message>
    <message>
        <source>Hall editor</source>
        <translation>हॉल एडिटर</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>हॉल का नाम</translation>
    </message>
    <message>
        <source>Wheelchair spaces need a companion seat beside them</source>
        <translation>व्हीलचेयर स्थान के बगल में साथी सीट होनी चाहिए</translation>
    </message>
    <message>
        <source>New hall</source>
        <translation>नया हॉल</translation>
    </message>
    <message>
        <source>Paint with</source>
        <translation>इससे भरें</translation>
    </message>
    <message>
        <source>Label of the chosen row (click a row label)</source>
        <translation>चुनी पंक्ति का लेबल (पंक्ति लेबल पर क्लिक करें)</translation>
    </message>
    <message>
        <source>Label A, B, C…</source>
        <translation>लेबल A, B, C…</translation>
    </message>
    <message>
        <source>+ Row</source>
        <translation>+ पंक्ति</translation>
    </message>
    <message>
        <source>− Row</source>
        <translation>− पंक्ति</translation>
    </message>
    <message>
        <source>+ Column</source>
        <translation>+ कॉलम</translation>
    </message>
    <message>
        <source>− Column</source>
        <translation>− कॉलम</translation>
    </message>
    <message>
        <source> px cells</source>
        <translation> px सेल</translation>
    </message>
    <message>
        <source>SCREEN</source>
        <translation>परदा</translation>
    </message>
    <message>
        <source>Save hall</source>
        <translation>हॉल सहेजें</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 सीटें)</translation>
    </message>
    <message>
        <source>%1 seats (%2). Ready to save.</source>
        <translation>%1 सीटें (%2)। सहेजने को तैयार।</translation>
    </message>
    <message>
        <source>Saved %1: %2 seats.</source>
        <translation>%1 सहेजा गया: %2 सीटें।</translation>
    </message>
</context>
<context>
    <name>HallGrid</name>
    <message>
        <source>Hall seat grid</source>
        <translation>हॉल का सीट ग्रिड</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Seats held for %1</source>
        <translation>आपकी सीटें %1 और रुकी रहेंगी</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Shows</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>फ़िल्में</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>हॉल</translation>
    </message>
    <message>
        <source>Price lists</source>
        <translation>मूल्य सूचियाँ</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>फ़ाइल से पहचानें</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>कोई फ़ाइल नहीं चुनी</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात</translation>
    </message>
    <message>
        <source>Choose CSV / JSON file</source>
        <translation>CSV / JSON फ़ाइल चुनें</translation>
    </message>
    <message>
        <source>Import all rows</source>
        <translation>सभी पंक्तियाँ आयात करें</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <source>The file is checked first and nothing is saved until you press Import; one bad row stops the whole file, so nothing is half-imported.</source>
        <translation>पहले फ़ाइल जाँची जाती है और आयात दबाने तक कुछ नहीं सहेजा जाता; एक गलत पंक्ति पूरी फ़ाइल रोक देती है, इसलिए कुछ भी आधा आयात नहीं होता।</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>फ़ाइल आयात करें</translation>
    </message>
    <message>
        <source>CSV or JSON (*.csv *.json)</source>
        <translation>CSV या JSON (*.csv *.json)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>%1 rows read, %2 problems: fix the file and choose it again. Nothing was imported.</source>
        <translation>%1 पंक्तियाँ पढ़ी गईं, %2 समस्याएँ: फ़ाइल ठीक करके फिर चुनें। कुछ भी आयात नहीं हुआ।</translation>
    </message>
    <message>
        <source>%1 rows ready to import.</source>
        <translation>%1 पंक्तियाँ आयात के लिए तैयार।</translation>
    </message>
    <message>
        <source>Imported %1 rows from %2.</source>
        <translation>%2 से %1 पंक्तियाँ आयात हुईं।</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Box Office Kiosk</source>
        <translation>बॉक्स ऑफ़िस कियोस्क</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>काउंटर</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>स्वयं-सेवा</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>मैनेजर</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>दरवाज़ा</translation>
    </message>
    <message>
        <source>Kiosk %1 · %2</source>
        <translation>कियोस्क %1 · %2</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>उच्च कंट्रास्ट</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>बड़ा टेक्स्ट</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Cloud sync off (this kiosk sells locally)</source>
        <translation>क्लाउड सिंक बंद (यह कियोस्क स्थानीय रूप से बेचता है)</translation>
    </message>
    <message>
        <source>Cloud sync not available</source>
        <translation>क्लाउड सिंक उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Seat claims paused: check this kiosk&apos;s clock</source>
        <translation>सीट बुकिंग रुकी है: इस कियोस्क की घड़ी जाँचें</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n भेजना बाकी</numerusform>
            <numerusform>%n भेजना बाकी</numerusform>
        </translation>
    </message>
    <message>
        <source>all sent</source>
        <translation>सब भेजा गया</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) for a manager</source>
        <translation>
            <numerusform>मैनेजर के लिए %n टकराव</numerusform>
            <numerusform>मैनेजर के लिए %n टकराव</numerusform>
        </translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>पिछली त्रुटि: %1</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <source>Demo data: the demo staff PINs are published, so this is not a cinema&apos;s own database. A real kiosk starts without --demo and asks for its first manager.</source>
        <translation>डेमो डेटा: डेमो स्टाफ़ के पिन सार्वजनिक हैं, इसलिए यह किसी सिनेमा का अपना डेटाबेस नहीं है। असली कियोस्क --demo के बिना शुरू होता है और अपना पहला मैनेजर पूछता है।</translation>
    </message>
</context>
<context>
    <name>ManagerMode</name>
    <message>
        <source>Manager sign-in</source>
        <translation>मैनेजर साइन-इन</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity. Sign in again.</source>
        <translation>
            <numerusform>%n मिनट तक कोई गतिविधि न होने से लॉक हो गया। फिर से साइन इन करें।</numerusform>
            <numerusform>%n मिनट तक कोई गतिविधि न होने से लॉक हो गया। फिर से साइन इन करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>साइन आउट हो गया।</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>That did not work; nothing was changed. Please try again.</source>
        <translation>यह नहीं हो सका; कुछ नहीं बदला। कृपया फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 नहीं लिखी जा सकी: %2।</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Refund approvals</source>
        <translation>रिफ़ंड मंज़ूरी</translation>
    </message>
    <message>
        <source>Cash-ups</source>
        <translation>कैश-अप</translation>
    </message>
    <message>
        <source>Food and drink stock</source>
        <translation>खाने-पीने का स्टॉक</translation>
    </message>
    <message>
        <source>Offers and codes</source>
        <translation>ऑफ़र और कोड</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>शेड्यूल</translation>
    </message>
    <message>
        <source>Hall editor</source>
        <translation>हॉल एडिटर</translation>
    </message>
    <message>
        <source>Kiosks and sync</source>
        <translation>कियोस्क और सिंक</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Day close (Z)</source>
        <translation>दिन बंद (Z)</translation>
    </message>
    <message>
        <source>Manager · %1</source>
        <translation>मैनेजर · %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट</translation>
    </message>
</context>
<context>
    <name>MemberBar</name>
    <message>
        <source>Member&apos;s mobile number</source>
        <translation>सदस्य का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>नाम (वैकल्पिक)</translation>
    </message>
    <message>
        <source>New member&apos;s name (optional)</source>
        <translation>नए सदस्य का नाम (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>सदस्य खोजें</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>सदस्य नहीं</translation>
    </message>
    <message>
        <source>Type the member&apos;s mobile number.</source>
        <translation>सदस्य का मोबाइल नंबर लिखें।</translation>
    </message>
    <message>
        <source>Member %1 joined.</source>
        <translation>सदस्य %1 जुड़ गए।</translation>
    </message>
    <message>
        <source>%1%2 · %3 points (worth %4)</source>
        <translation>%1%2 · %3 पॉइंट (मूल्य %4)</translation>
    </message>
    <message>
        <source>last known: the cloud cannot be asked now</source>
        <translation>अंतिम ज्ञात: अभी क्लाउड से पूछा नहीं जा सकता</translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation>+%1 पॉइंट</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>अभी कोई बिक्री नहीं।</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members pay member prices and earn points. Type your mobile number.</source>
        <translation>सदस्य सदस्य-मूल्य देते हैं और पॉइंट कमाते हैं। अपना मोबाइल नंबर लिखें।</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Join free</source>
        <translation>मुफ़्त जुड़ें</translation>
    </message>
    <message>
        <source>Find me</source>
        <translation>मुझे खोजें</translation>
    </message>
    <message>
        <source>This number is not a member yet. Tap Join free to join now.</source>
        <translation>यह नंबर अभी सदस्य नहीं है। अभी जुड़ने के लिए “मुफ़्त जुड़ें” दबाएँ।</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>संदेश हटाएँ</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Clear</source>
        <translation>साफ़</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>एंटर</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>बैकस्पेस</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <source>Offer</source>
        <translation>ऑफ़र</translation>
    </message>
    <message>
        <source>Takes off</source>
        <translation>छूट</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>उपयोग</translation>
    </message>
    <message>
        <source>For</source>
        <translation>किसके लिए</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Percent off each ticket</source>
        <translation>हर टिकट पर प्रतिशत छूट</translation>
    </message>
    <message>
        <source>Amount off the tickets</source>
        <translation>टिकटों पर राशि की छूट</translation>
    </message>
    <message>
        <source>Each ticket at a price</source>
        <translation>हर टिकट एक तय कीमत पर</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 छूट</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 पर</translation>
    </message>
    <message>
        <source>members</source>
        <translation>सदस्य</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>%1 टिकट</translation>
    </message>
    <message>
        <source>film %1</source>
        <translation>फ़िल्म %1</translation>
    </message>
    <message>
        <source>films %1</source>
        <translation>फ़िल्में %1</translation>
    </message>
    <message>
        <source>shows %1–%2</source>
        <translation>शो %1–%2</translation>
    </message>
    <message>
        <source>all tickets</source>
        <translation>सभी टिकट</translation>
    </message>
    <message>
        <source>Offers and promo codes</source>
        <translation>ऑफ़र और प्रोमो कोड</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>नया ऑफ़र</translation>
    </message>
    <message>
        <source>Automatic offers (no code) apply by themselves: each ticket takes its best one. A code applies on top, to the tickets it fits. Member prices apply when the sale names a loyalty member. Offers are withdrawn, never deleted: past sales keep naming them.</source>
        <translation>स्वचालित ऑफ़र (बिना कोड) अपने-आप लगते हैं: हर टिकट को उसका सबसे अच्छा ऑफ़र मिलता है। कोड इसके ऊपर, उन टिकटों पर लगता है जिन पर वह लागू हो। सदस्य कीमतें तब लगती हैं जब बिक्री में लॉयल्टी सदस्य दर्ज हो। ऑफ़र वापस लिए जाते हैं, कभी हटाए नहीं जाते: पिछली बिक्री में उनका नाम बना रहता है।</translation>
    </message>
    <message>
        <source>id, e.g. tuesday</source>
        <translation>ID, जैसे tuesday</translation>
    </message>
    <message>
        <source>printed name, e.g. Tuesday saver</source>
        <translation>छपने वाला नाम, जैसे Tuesday saver</translation>
    </message>
    <message>
        <source>10 (percent) or 150.00</source>
        <translation>10 (प्रतिशत) या 150.00</translation>
    </message>
    <message>
        <source>code (empty: automatic)</source>
        <translation>कोड (खाली: स्वचालित)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>कोई सीमा नहीं</translation>
    </message>
    <message>
        <source>sales from YYYY-MM-DD</source>
        <translation>बिक्री YYYY-MM-DD से</translation>
    </message>
    <message>
        <source>sales until YYYY-MM-DD</source>
        <translation>बिक्री YYYY-MM-DD तक</translation>
    </message>
    <message>
        <source>shows from HH:MM</source>
        <translation>शो HH:MM से</translation>
    </message>
    <message>
        <source>shows before HH:MM</source>
        <translation>शो HH:MM से पहले</translation>
    </message>
    <message>
        <source>film ids (empty: every film)</source>
        <translation>फ़िल्म ID (खाली: हर फ़िल्म)</translation>
    </message>
    <message>
        <source>Members only (member price)</source>
        <translation>केवल सदस्य (सदस्य कीमत)</translation>
    </message>
    <message>
        <source>Name (printed)</source>
        <translation>नाम (छपेगा)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>मान</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>प्रोमो कोड</translation>
    </message>
    <message>
        <source>Most uses (code)</source>
        <translation>अधिकतम उपयोग (कोड)</translation>
    </message>
    <message>
        <source>Sales from</source>
        <translation>बिक्री से</translation>
    </message>
    <message>
        <source>Sales until</source>
        <translation>बिक्री तक</translation>
    </message>
    <message>
        <source>Show days</source>
        <translation>शो के दिन</translation>
    </message>
    <message>
        <source>Shows from</source>
        <translation>शो से</translation>
    </message>
    <message>
        <source>Shows before</source>
        <translation>शो से पहले</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>टिकट प्रकार</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>फ़िल्में</translation>
    </message>
    <message>
        <source>Save offer</source>
        <translation>ऑफ़र सहेजें</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>वापस लें</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 में से %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 से %2</translation>
    </message>
    <message>
        <source>always</source>
        <translation>हमेशा</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>स्वचालित</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>वापस लिया</translation>
    </message>
    <message>
        <source>The value is a whole percent (10), or an amount such as 150 or 99.50.</source>
        <translation>मान पूरा प्रतिशत (10) हो, या 150 या 99.50 जैसी राशि।</translation>
    </message>
    <message>
        <source>Saved offer %1.</source>
        <translation>ऑफ़र %1 सहेजा गया।</translation>
    </message>
    <message>
        <source>Please choose an offer in the table first.</source>
        <translation>कृपया पहले तालिका में एक ऑफ़र चुनें।</translation>
    </message>
    <message>
        <source>Withdrew %1.</source>
        <translation>%1 वापस लिया।</translation>
    </message>
    <message>
        <source>Every day (none ticked)</source>
        <translation>हर दिन (कोई नहीं चुना)</translation>
    </message>
    <message>
        <source>Only on the days ticked</source>
        <translation>केवल चुने हुए दिन</translation>
    </message>
    <message>
        <source>Every ticket type (none ticked)</source>
        <translation>हर टिकट प्रकार (कोई नहीं चुना)</translation>
    </message>
    <message>
        <source>Only the ticket types ticked</source>
        <translation>केवल चुने हुए टिकट प्रकार</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>Payment</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Gift card (F11)</source>
        <translation>गिफ़्ट कार्ड (F11)</translation>
    </message>
    <message>
        <source>Gift card code</source>
        <translation>गिफ़्ट कार्ड कोड</translation>
    </message>
    <message>
        <source>Amount on this card, UPI or gift card</source>
        <translation>इस कार्ड, UPI या गिफ़्ट कार्ड पर राशि</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>प्राप्त नकद</translation>
    </message>
    <message>
        <source>Cash (F7)</source>
        <translation>नकद (F7)</translation>
    </message>
    <message>
        <source>Card (F8)</source>
        <translation>कार्ड (F8)</translation>
    </message>
    <message>
        <source>UPI (F10)</source>
        <translation>UPI (F10)</translation>
    </message>
    <message>
        <source>Last 4 digits of the card</source>
        <translation>कार्ड के आख़िरी 4 अंक</translation>
    </message>
    <message>
        <source>Take the card payment on the terminal first, then type the last four digits from its slip.</source>
        <translation>पहले टर्मिनल पर कार्ड से भुगतान लें, फिर उसकी पर्ची से आख़िरी चार अंक टाइप करें।</translation>
    </message>
    <message>
        <source>UPI reference (UTR)</source>
        <translation>UPI संदर्भ (UTR)</translation>
    </message>
    <message>
        <source>UPI reference</source>
        <translation>UPI संदर्भ</translation>
    </message>
    <message>
        <source>UPI payment QR code</source>
        <translation>UPI भुगतान QR कोड</translation>
    </message>
    <message>
        <source>Amount (empty: all still to pay)</source>
        <translation>राशि (ख़ाली: पूरी बाकी राशि)</translation>
    </message>
    <message>
        <source>Add as part payment (F4)</source>
        <translation>आंशिक भुगतान जोड़ें (F4)</translation>
    </message>
    <message>
        <source>Remove part payments</source>
        <translation>आंशिक भुगतान हटाएँ</translation>
    </message>
    <message>
        <source>Check the payment arrived on the UPI app, then type the 12-digit UTR it shows.</source>
        <translation>UPI ऐप पर भुगतान आने की जाँच करें, फिर उसमें दिखा 12 अंकों का UTR लिखें।</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Type or scan the code on the card. It pays what it holds; take the rest another way.</source>
        <translation>कार्ड पर लिखा कोड टाइप या स्कैन करें। कार्ड में जितना है उतना भुगतान होगा; बाकी दूसरे तरीके से लें।</translation>
    </message>
    <message>
        <source>Customer e-mail or mobile for the confirmation (optional)</source>
        <translation>पुष्टि के लिए ग्राहक का ई-मेल या मोबाइल (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Customer e-mail or mobile (optional)</source>
        <translation>ग्राहक का ई-मेल या मोबाइल (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>पुष्टि करें</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>वापस (Esc)</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>भुगतान की पुष्टि करें</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>देय राशि</translation>
    </message>
    <message>
        <source>UPI takes rupees only: take card or cash.</source>
        <translation>UPI केवल रुपये में होता है: कार्ड या नकद लें।</translation>
    </message>
    <message>
        <source>Cash needs an open shift (sign in again to open one).</source>
        <translation>नकद के लिए खुली शिफ़्ट चाहिए (शिफ़्ट खोलने के लिए फिर से साइन इन करें)।</translation>
    </message>
    <message>
        <source>%1 · %2 · seats %3</source>
        <translation>%1 · %2 · सीटें %3</translation>
    </message>
    <message>
        <source>Exchange of %1: new seats %2, credit from the old booking %3.</source>
        <translation>%1 का बदलाव: नई सीटें %2, पुरानी बुकिंग से जमा %3।</translation>
    </message>
    <message>
        <source>Give back %1 to the original payment method.</source>
        <translation>%1 मूल भुगतान तरीके से वापस दें।</translation>
    </message>
    <message>
        <source>Member&apos;s points pay %1</source>
        <translation>सदस्य के पॉइंट %1 चुकाएँ</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>पूरे पैसे</translation>
    </message>
    <message>
        <source>This gift card is blocked and cannot pay.</source>
        <translation>यह गिफ़्ट कार्ड बंद है, इससे भुगतान नहीं हो सकता।</translation>
    </message>
    <message>
        <source>This gift card expired on %1.</source>
        <translation>यह गिफ़्ट कार्ड %1 को समाप्त हो गया।</translation>
    </message>
    <message>
        <source>This gift card holds %1, not %2.</source>
        <translation>इस गिफ़्ट कार्ड में %1 है, %2 नहीं।</translation>
    </message>
    <message>
        <source>Holds %1 · valid until %2</source>
        <translation>शेष %1 · %2 तक मान्य</translation>
    </message>
    <message>
        <source>Choose card, UPI or gift card, enter its details and an amount up to %1.</source>
        <translation>कार्ड, UPI या गिफ़्ट कार्ड चुनें, उसका विवरण और %1 तक की राशि लिखें।</translation>
    </message>
    <message>
        <source>This gift card pays %1: add it as a part payment (F4), then take the rest another way.</source>
        <translation>यह गिफ़्ट कार्ड %1 चुकाता है: इसे आंशिक भुगतान के रूप में जोड़ें (F4), फिर बाकी दूसरे तरीके से लें।</translation>
    </message>
    <message>
        <source>Enter the gift card code.</source>
        <translation>गिफ़्ट कार्ड कोड लिखें।</translation>
    </message>
    <message>
        <source>Still to pay %1: take it in cash, or by card, UPI or gift card.</source>
        <translation>अभी %1 बाकी है: नकद, या कार्ड, UPI या गिफ़्ट कार्ड से लें।</translation>
    </message>
    <message>
        <source>Part payments: %1</source>
        <translation>आंशिक भुगतान: %1</translation>
    </message>
    <message>
        <source>Still to pay %1</source>
        <translation>बाकी देय %1</translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation>%1 कम</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>वापस देने हैं %1</translation>
    </message>
    <message>
        <source>Customer scans to pay %1 to %2.</source>
        <translation>ग्राहक %2 को %1 चुकाने के लिए स्कैन करें।</translation>
    </message>
    <message>
        <source>No UPI QR set up on this kiosk: the customer pays %1 on the cinema&apos;s UPI stand.</source>
        <translation>इस कियोस्क पर UPI QR सेट नहीं है: ग्राहक सिनेमा के UPI स्टैंड पर %1 चुकाएँ।</translation>
    </message>
    <message>
        <source>Enter the cash received (at least the amount due)</source>
        <translation>प्राप्त नकद दर्ज करें (कम से कम देय राशि)</translation>
    </message>
    <message>
        <source>Enter the last four digits of the card.</source>
        <translation>कार्ड के आख़िरी चार अंक दर्ज करें।</translation>
    </message>
    <message>
        <source>Enter the UPI reference: the 12-digit UTR on the customer&apos;s payment screen.</source>
        <translation>UPI संदर्भ लिखें: ग्राहक की भुगतान स्क्रीन पर दिखा 12 अंकों का UTR।</translation>
    </message>
    <message>
        <source>Confirming the sale…</source>
        <translation>बिक्री की पुष्टि हो रही है…</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>कार्ड से भुगतान करें</translation>
    </message>
    <message>
        <source>We only keep the last four digits of your card. You are charged when you confirm, after checking your order.</source>
        <translation>हम आपके कार्ड के केवल आख़िरी चार अंक रखते हैं। अपना ऑर्डर जाँचकर पुष्टि करने पर ही पैसे कटेंगे।</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>आगे बढ़ें</translation>
    </message>
    <message>
        <source>Card ending %1 read.</source>
        <translation>%1 पर ख़त्म होने वाला कार्ड पढ़ लिया गया।</translation>
    </message>
    <message>
        <source>Use the card reader on the right.</source>
        <translation>दाईं ओर के कार्ड रीडर का उपयोग करें।</translation>
    </message>
</context>
<context>
    <name>Poster</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 घं %2 मि</translation>
    </message>
</context>
<context>
    <name>PriceListsTab</name>
    <message>
        <source>Price list</source>
        <translation>मूल्य सूची</translation>
    </message>
    <message>
        <source>New price list</source>
        <translation>नई मूल्य सूची</translation>
    </message>
    <message>
        <source>e.g. 18 or 12.5</source>
        <translation>जैसे 18 या 12.5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Tax included, %</source>
        <translation>कर शामिल, %</translation>
    </message>
    <message>
        <source>Prices include tax, in major units (250 or 250.50). Every seat type x ticket type needs a price.</source>
        <translation>कीमतों में कर शामिल है, मुख्य इकाई में (250 या 250.50)। हर सीट प्रकार x टिकट प्रकार की कीमत ज़रूरी है।</translation>
    </message>
    <message>
        <source>Save price list</source>
        <translation>मूल्य सूची सहेजें</translation>
    </message>
    <message>
        <source>The %1 %2 price %3 is not an amount.</source>
        <translation>%1 %2 की कीमत %3 कोई राशि नहीं है।</translation>
    </message>
    <message>
        <source>The tax rate is a percentage such as 18 or 12.5.</source>
        <translation>कर दर 18 या 12.5 जैसा प्रतिशत हो।</translation>
    </message>
    <message>
        <source>Saved price list %1.</source>
        <translation>मूल्य सूची %1 सहेजी गई।</translation>
    </message>
</context>
<context>
    <name>PromoPanel</name>
    <message>
        <source>Type your promo code or voucher code</source>
        <translation>अपना प्रोमो कोड या वाउचर कोड लिखें</translation>
    </message>
    <message>
        <source>Promo code or voucher</source>
        <translation>प्रोमो कोड या वाउचर</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>कोड लगाएँ</translation>
    </message>
</context>
<context>
    <name>Refund</name>
    <message>
        <source>confirmed</source>
        <translation>पक्की</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>आंशिक रिफ़ंड</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>रिफ़ंड हो चुका</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>exchanged</source>
        <translation>बदली गई</translation>
    </message>
    <message>
        <source>in conflict (see a manager)</source>
        <translation>टकराव में (मैनेजर से मिलें)</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>gift card</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>points</source>
        <translation>पॉइंट</translation>
    </message>
    <message>
        <source>the original payments (card first, cash last)</source>
        <translation>मूल भुगतान (पहले कार्ड, आख़िर में नकद)</translation>
    </message>
</context>
<context>
    <name>RefundReason</name>
    <message>
        <source>Customer request</source>
        <translation>ग्राहक का अनुरोध</translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation>शो रद्द</translation>
    </message>
    <message>
        <source>Wrong show sold</source>
        <translation>गलत शो बिका</translation>
    </message>
    <message>
        <source>Duplicate sale</source>
        <translation>दोहरी बिक्री</translation>
    </message>
    <message>
        <source>Technical fault</source>
        <translation>तकनीकी ख़राबी</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>अन्य (कारण बताएँ)</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>बुकिंग रद्द</translation>
    </message>
    <message>
        <source>Seats sold elsewhere first</source>
        <translation>सीटें पहले कहीं और बिक गईं</translation>
    </message>
    <message>
        <source>Exchanged for another show</source>
        <translation>दूसरे शो से बदला गया</translation>
    </message>
</context>
<context>
    <name>RefundScreen</name>
    <message>
        <source>Refund or exchange</source>
        <translation>रिफ़ंड या बदलाव</translation>
    </message>
    <message>
        <source>Booking reference, or scan the ticket QR</source>
        <translation>बुकिंग संदर्भ, या टिकट का QR स्कैन करें</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>बुकिंग संदर्भ</translation>
    </message>
    <message>
        <source>Find booking</source>
        <translation>बुकिंग खोजें</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>रिफ़ंड का कारण</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>कारण चुनें…</translation>
    </message>
    <message>
        <source>Say why</source>
        <translation>कारण बताएँ</translation>
    </message>
    <message>
        <source>The reason in your words</source>
        <translation>कारण अपने शब्दों में</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>सभी चुनें</translation>
    </message>
    <message>
        <source>Refund selected seats</source>
        <translation>चुनी हुई सीटों का रिफ़ंड करें</translation>
    </message>
    <message>
        <source>Exchange for another show</source>
        <translation>दूसरे शो से बदलें</translation>
    </message>
    <message>
        <source>Pay out now from my drawer</source>
        <translation>अभी मेरी दराज़ से पैसे दें</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Back to sales (Esc)</source>
        <translation>बिक्री पर वापस (Esc)</translation>
    </message>
    <message>
        <source>Type the booking reference from the ticket, or scan its QR code.</source>
        <translation>टिकट से बुकिंग संदर्भ टाइप करें, या उसका QR कोड स्कैन करें।</translation>
    </message>
    <message>
        <source>Paid %1 by %2; refunded so far %3</source>
        <translation>%2 से %1 का भुगतान; अब तक रिफ़ंड %3</translation>
    </message>
    <message>
        <source>Paid %1: %2; refunded so far %3. Refunds go back card first, cash last.</source>
        <translation>%1 का भुगतान: %2; अब तक रिफ़ंड %3। रिफ़ंड पहले कार्ड में, आख़िर में नकद में जाता है।</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>रिफ़ंड हो चुका</translation>
    </message>
    <message>
        <source>This booking is %1: nothing left to refund.</source>
        <translation>यह बुकिंग %1 है: रिफ़ंड के लिए कुछ नहीं बचा।</translation>
    </message>
    <message>
        <source>Food and drink with it: %1 (type that reference to refund it).</source>
        <translation>इसके साथ खाना-पीना: %1 (रिफ़ंड के लिए वह संदर्भ लिखें)।</translation>
    </message>
    <message>
        <source>food and drink</source>
        <translation>खाना-पीना</translation>
    </message>
    <message>
        <source>%1 refunded</source>
        <translation>%1 रिफ़ंड हुए</translation>
    </message>
    <message>
        <source>Everything of %1 is refunded already.</source>
        <translation>%1 का सब कुछ पहले ही रिफ़ंड हो चुका है।</translation>
    </message>
    <message>
        <source>Give back %1: %2. What was returned is back in the stand&apos;s stock.</source>
        <translation>%1 लौटाएँ: %2। लौटाया गया सामान काउंटर के स्टॉक में वापस आ गया है।</translation>
    </message>
    <message>
        <source>To pay out: %1</source>
        <translation>देना बाकी: %1</translation>
    </message>
    <message>
        <source>approved after its shift closed; pay it from your drawer.</source>
        <translation>शिफ़्ट बंद होने के बाद मंज़ूर हुआ; अपनी दराज़ से दें।</translation>
    </message>
    <message>
        <source>Paid out %1 from your drawer.</source>
        <translation>आपकी दराज़ से %1 दे दिए गए।</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>टिप्पणी (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Choose a reason for the refund.</source>
        <translation>रिफ़ंड का कारण चुनें।</translation>
    </message>
    <message>
        <source>Say in a few words why (Other).</source>
        <translation>कुछ शब्दों में कारण बताएँ (अन्य)।</translation>
    </message>
    <message>
        <source>cash from your drawer %1</source>
        <translation>आपकी दराज़ से नकद %1</translation>
    </message>
    <message>
        <source>Tick what the customer gives back to see the amount and where it goes.</source>
        <translation>ग्राहक जो लौटा रहा है उस पर टिक करें: राशि और वह कहाँ जाएगी, दिख जाएगा।</translation>
    </message>
    <message>
        <source>To give back: %1</source>
        <translation>लौटाना है: %1</translation>
    </message>
    <message>
        <source>Goes to: %1</source>
        <translation>जाएगा: %1</translation>
    </message>
    <message>
        <source>Past your limit: a manager makes this refund.</source>
        <translation>आपकी सीमा से ज़्यादा: यह रिफ़ंड मैनेजर करेंगे।</translation>
    </message>
    <message>
        <source>Past your limit: it waits for a manager&apos;s approval before any money goes back.</source>
        <translation>आपकी सीमा से ज़्यादा: पैसे लौटाने से पहले मैनेजर की मंज़ूरी का इंतज़ार होगा।</translation>
    </message>
    <message>
        <source>Give back %1 for seats %2: %3. The seats are on sale again.</source>
        <translation>सीटों %2 के लिए %1 लौटाएँ: %3। सीटें फिर से बिक्री पर हैं।</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>रिफ़ंड हो रहा है…</translation>
    </message>
    <message>
        <source>Refund selected items</source>
        <translation>चुने गए आइटम रिफ़ंड करें</translation>
    </message>
    <message>
        <source>Waiting for a manager&apos;s approval.</source>
        <translation>मैनेजर की मंज़ूरी की प्रतीक्षा है।</translation>
    </message>
    <message>
        <source>Refund of %1 for seats %2 is recorded but NOT paid yet. Do not give money back until a manager approves it.</source>
        <translation>सीटों %2 के लिए %1 का रिफ़ंड दर्ज है पर अभी दिया नहीं गया है। मैनेजर की मंज़ूरी तक पैसे वापस न दें।</translation>
    </message>
    <message>
        <source>Refund approved: to pay out.</source>
        <translation>रिफ़ंड मंज़ूर: पैसे देने बाकी हैं।</translation>
    </message>
    <message>
        <source>No shift is open on this kiosk, so no drawer paid the %1 for seats %2 yet: open a shift and pay it out.</source>
        <translation>इस कियोस्क पर कोई शिफ़्ट खुली नहीं है, इसलिए सीटों %2 के %1 अभी किसी दराज़ से नहीं दिए गए: शिफ़्ट खोलें और पैसे दें।</translation>
    </message>
    <message>
        <source>Refund complete.</source>
        <translation>रिफ़ंड पूरा हुआ।</translation>
    </message>
    <message>
        <source>Refund for %1 waits for a manager: do not pay it out yet.</source>
        <translation>%1 का रिफ़ंड मैनेजर की मंज़ूरी का इंतज़ार कर रहा है: अभी पैसे न दें।</translation>
    </message>
</context>
<context>
    <name>RefundsScreen</name>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>सीटें</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>डिवाइस</translation>
    </message>
    <message>
        <source>Decision sent</source>
        <translation>फ़ैसला भेजा</translation>
    </message>
    <message>
        <source>Back to</source>
        <translation>वापसी माध्यम</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>अनुरोधकर्ता</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>मंज़ूर</translation>
    </message>
    <message>
        <source>To pay out</source>
        <translation>भुगतान बाकी</translation>
    </message>
    <message>
        <source>Refund approvals</source>
        <translation>रिफ़ंड मंज़ूरी</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>Refunds over the cashier limit wait here. Approving pays the money back and frees the seats; rejecting needs a comment. Another device&apos;s request is sent to it and paid from its drawer at its next sync.</source>
        <translation>कैशियर सीमा से ऊपर के रिफ़ंड यहाँ रुकते हैं। मंज़ूर करने पर पैसा वापस होता है और सीटें खाली होती हैं; अस्वीकार करने के लिए टिप्पणी ज़रूरी है। दूसरे डिवाइस का अनुरोध उसी को भेजा जाता है और अगले सिंक पर उसकी दराज़ से भुगतान होता है।</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>टिप्पणी (अस्वीकार के लिए ज़रूरी)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>अस्वीकार करें</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>मंज़ूर करें</translation>
    </message>
    <message>
        <source>Approved, but no open shift has paid them yet. Whoever pays the customer presses Pay out: it comes out of their open shift&apos;s drawer.</source>
        <translation>मंज़ूर, पर अभी किसी खुली शिफ़्ट ने भुगतान नहीं किया। जो ग्राहक को भुगतान करे वह भुगतान करें दबाए: राशि उसकी खुली शिफ़्ट की दराज़ से जाती है।</translation>
    </message>
    <message>
        <source>Pay out from my shift</source>
        <translation>मेरी शिफ़्ट से भुगतान करें</translation>
    </message>
    <message>
        <source>To pay out (%1)</source>
        <translation>भुगतान बाकी (%1)</translation>
    </message>
    <message>
        <source>Please choose a refund in the table first.</source>
        <translation>कृपया पहले तालिका में एक रिफ़ंड चुनें।</translation>
    </message>
    <message>
        <source>Approval of %1&apos;s refund sent to %2: it pays the customer back from its drawer at its next sync.</source>
        <translation>%1 के रिफ़ंड की मंज़ूरी %2 को भेजी गई: वह अगले सिंक पर अपनी दराज़ से ग्राहक को पैसा लौटाएगा।</translation>
    </message>
    <message>
        <source>Refund %1 approved. No open shift could pay it, so it is TO PAY OUT: pay it from an open drawer (the cashier&apos;s next shift, or yours).</source>
        <translation>रिफ़ंड %1 मंज़ूर। कोई खुली शिफ़्ट इसका भुगतान नहीं कर सकी, इसलिए यह भुगतान बाकी है: किसी खुली दराज़ से भुगतान करें (कैशियर की अगली शिफ़्ट, या आपकी)।</translation>
    </message>
    <message>
        <source>Refund %1 approved: pay the customer back.</source>
        <translation>रिफ़ंड %1 मंज़ूर: ग्राहक को पैसा लौटाएँ।</translation>
    </message>
    <message>
        <source>Please choose a refund to pay out first.</source>
        <translation>कृपया पहले भुगतान के लिए एक रिफ़ंड चुनें।</translation>
    </message>
    <message>
        <source>Refund %1 paid out from your shift&apos;s drawer.</source>
        <translation>रिफ़ंड %1 का भुगतान आपकी शिफ़्ट की दराज़ से हुआ।</translation>
    </message>
    <message>
        <source>Please type why the refund is rejected; the cashier will see it.</source>
        <translation>कृपया लिखें कि रिफ़ंड क्यों अस्वीकार है; कैशियर इसे देखेगा।</translation>
    </message>
    <message>
        <source>Rejection sent to %1: the cashier sees it at its next sync.</source>
        <translation>अस्वीकृति %1 को भेजी गई: कैशियर इसे अगले सिंक पर देखेगा।</translation>
    </message>
    <message>
        <source>Refund %1 rejected.</source>
        <translation>रिफ़ंड %1 अस्वीकार हुआ।</translation>
    </message>
</context>
<context>
    <name>ReportColumn</name>
    <message>
        <source>Bookings</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>सकल बिक्री</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Tickets refunded</source>
        <translation>रिफ़ंड हुए टिकट</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>रिफ़ंड राशि</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>Tickets exchanged</source>
        <translation>बदले गए टिकट</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>बदलाव क्रेडिट</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>शुद्ध बिक्री</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>कर</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>शुद्ध आय</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Tax on sales</source>
        <translation>बिक्री पर कर</translation>
    </message>
    <message>
        <source>Tax refunded</source>
        <translation>रिफ़ंड हुआ कर</translation>
    </message>
    <message>
        <source>Tax on exchange credit</source>
        <translation>बदलाव क्रेडिट पर कर</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>औसत टिकट</translation>
    </message>
    <message>
        <source>Refunds awaiting approval</source>
        <translation>मंज़ूरी बाकी रिफ़ंड</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>मंज़ूरी बाकी</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>भुगतान माध्यम</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>लिया</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>बिके आइटम</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>प्रवेश</translation>
    </message>
    <message>
        <source>Food and drink per admission</source>
        <translation>प्रति प्रवेश खाना-पीना</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>आइटम</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>ऑफ़र</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>Tickets in those sales</source>
        <translation>उन बिक्रियों के टिकट</translation>
    </message>
    <message>
        <source>Taken off</source>
        <translation>घटाया गया</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>घंटा</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>हॉल</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>Starts (local)</source>
        <translation>शुरू (स्थानीय)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>स्टाफ़ नं.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिके</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>क्षमता</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>खाली</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>भराव</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>प्रवेश हुए</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>कब (स्थानीय)</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>सीटें</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>अनुरोधकर्ता</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>फ़ैसला किया</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Check and confirm</source>
        <translation>जाँचें और पुष्टि करें</translation>
    </message>
    <message>
        <source>Pay %1 and confirm</source>
        <translation>%1 चुकाएँ और पुष्टि करें</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>सीटें</translation>
    </message>
    <message>
        <source>Snacks</source>
        <translation>स्नैक्स</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>ऑफ़र</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Confirmation to</source>
        <translation>पुष्टि यहाँ भेजें</translation>
    </message>
    <message>
        <source>No confirmation message</source>
        <translation>कोई पुष्टि संदेश नहीं</translation>
    </message>
    <message>
        <source>Taking payment… please wait.</source>
        <translation>भुगतान लिया जा रहा है… कृपया प्रतीक्षा करें।</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>no</source>
        <translation>नहीं</translation>
    </message>
</context>
<context>
    <name>ScheduleScreen</name>
    <message>
        <source>Schedule</source>
        <translation>शेड्यूल</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>फ़िल्में</translation>
    </message>
    <message>
        <source>Price lists</source>
        <translation>मूल्य सूचियाँ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
</context>
<context>
    <name>SeatLegend</name>
    <message>
        <source>Seat map legend</source>
        <translation>सीट नक्शे की कुंजी</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>खाली</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>चुनी गई</translation>
    </message>
    <message>
        <source>Held elsewhere</source>
        <translation>कहीं और रुकी हुई</translation>
    </message>
    <message>
        <source>Reserved for this kiosk</source>
        <translation>इस कियोस्क के लिए आरक्षित</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>व्हीलचेयर स्थान</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>साथी सीट</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिक चुकी</translation>
    </message>
</context>
<context>
    <name>SeatMapPanel</name>
    <message>
        <source>Seat details</source>
        <translation>सीट का विवरण</translation>
    </message>
    <message>
        <source>Whole hall</source>
        <translation>पूरा हॉल</translation>
    </message>
    <message>
        <source>The hall is big: tap a block of seats to see its seats up close.</source>
        <translation>हॉल बड़ा है: सीटों के किसी हिस्से को छुएँ, उसकी सीटें पास से दिखेंगी।</translation>
    </message>
    <message>
        <source>Tap a seat to select it; tap it again to free it.</source>
        <translation>सीट चुनने के लिए टैप करें; छोड़ने के लिए फिर से टैप करें।</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>छोटा करें</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>बड़ा करें</translation>
    </message>
    <message>
        <source>Show the whole hall</source>
        <translation>पूरा हॉल दिखाएँ</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <source>Seat map</source>
        <translation>सीट नक्शा</translation>
    </message>
    <message>
        <source>Arrow keys move between seats, Home and End go to the ends of the row; Space or Enter selects the seat; plus, minus and 0 zoom.</source>
        <translation>तीर कुंजियों से सीटों के बीच जाएँ, Home और End से पंक्ति के सिरों पर; स्पेस या एंटर से सीट चुनें; प्लस, माइनस और 0 से ज़ूम करें।</translation>
    </message>
    <message>
        <source>SCREEN</source>
        <translation>परदा</translation>
    </message>
    <message>
        <source>Rows %1</source>
        <translation>पंक्तियाँ %1</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 खाली</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>सीट %1</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>साधारण</translation>
    </message>
    <message>
        <source>premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>wheelchair space</source>
        <translation>व्हीलचेयर स्थान</translation>
    </message>
    <message>
        <source>companion seat</source>
        <translation>साथी सीट</translation>
    </message>
    <message>
        <source>free</source>
        <translation>खाली</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>चुनी गई</translation>
    </message>
    <message>
        <source>held elsewhere</source>
        <translation>कहीं और रुकी हुई</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>बिक चुकी</translation>
    </message>
    <message>
        <source>free, reserved for this kiosk</source>
        <translation>खाली, इस कियोस्क के लिए आरक्षित</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>SeatsScreen</name>
    <message>
        <source>Chosen seats</source>
        <translation>चुनी हुई सीटें</translation>
    </message>
    <message>
        <source>Tap a seat, or ask for the best seats together.</source>
        <translation>कोई सीट टैप करें, या साथ-साथ सबसे अच्छी सीटें माँगें।</translation>
    </message>
    <message>
        <source>Clear seats</source>
        <translation>सीटें हटाएँ</translation>
    </message>
    <message>
        <source>Ticket types  ⏎</source>
        <translation>टिकट के प्रकार  ⏎</translation>
    </message>
    <message>
        <source>Back to shows (Esc)</source>
        <translation>शो पर वापस (Esc)</translation>
    </message>
    <message>
        <source>Sorry, these seats were just taken by another sale: %1. Please choose others.</source>
        <translation>क्षमा करें, ये सीटें अभी किसी और बिक्री में चली गईं: %1। कृपया दूसरी चुनें।</translation>
    </message>
    <message>
        <source>Seat %1 is not available. Please choose another seat.</source>
        <translation>सीट %1 उपलब्ध नहीं है। कृपया दूसरी सीट चुनें।</translation>
    </message>
    <message>
        <source>Updating seats…</source>
        <translation>सीटें अपडेट हो रही हैं…</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), %1 (adult)</source>
        <translation>
            <numerusform>%n सीट, %1 (वयस्क)</numerusform>
            <numerusform>%n सीटें, %1 (वयस्क)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose your seats</source>
        <translation>अपनी सीटें चुनें</translation>
    </message>
    <message>
        <source>Sorry, seat %1 was just taken. Please choose another.</source>
        <translation>क्षमा करें, सीट %1 अभी-अभी ले ली गई। कृपया दूसरी चुनें।</translation>
    </message>
    <message>
        <source>Your seats were released because time ran out. Please choose again.</source>
        <translation>समय ख़त्म होने से आपकी सीटें छोड़ दी गईं। कृपया फिर से चुनें।</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Please try again.</source>
        <translation>क्षमा करें, कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Seat %1 cannot be sold from this kiosk right now. Please choose another.</source>
        <translation>सीट %1 अभी इस कियोस्क से नहीं बेची जा सकती। कृपया दूसरी चुनें।</translation>
    </message>
    <message>
        <source>Seat %1 is taken. Please choose another.</source>
        <translation>सीट %1 पहले से ली जा चुकी है। कृपया दूसरी चुनें।</translation>
    </message>
    <message>
        <source>Tap a free seat to choose it.</source>
        <translation>चुनने के लिए कोई खाली सीट टैप करें।</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>आगे बढ़ें</translation>
    </message>
    <message>
        <source>Your seats: %1</source>
        <translation>आपकी सीटें: %1</translation>
    </message>
    <message>
        <source>Adult price %1</source>
        <translation>वयस्क कीमत %1</translation>
    </message>
    <message numerus="yes">
        <source>Continue with %n seat(s)</source>
        <translation>
            <numerusform>%n सीट के साथ आगे बढ़ें</numerusform>
            <numerusform>%n सीटों के साथ आगे बढ़ें</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfServiceWidget</name>
    <message>
        <source>Your card was not charged.</source>
        <translation>आपके कार्ड से पैसे नहीं कटे।</translation>
    </message>
    <message>
        <source>Sorry, the payment could not be completed. Your card was not charged.</source>
        <translation>क्षमा करें, भुगतान पूरा नहीं हो सका। आपके कार्ड से पैसे नहीं कटे।</translation>
    </message>
    <message>
        <source>The ticket printer is not available. Show the code on screen at the entrance.</source>
        <translation>टिकट प्रिंटर उपलब्ध नहीं है। प्रवेश द्वार पर स्क्रीन का कोड दिखाएँ।</translation>
    </message>
    <message>
        <source>The printer had a problem (%1). Your booking is confirmed; show the code at the entrance.</source>
        <translation>प्रिंटर में समस्या आई (%1)। आपकी बुकिंग पक्की है; प्रवेश द्वार पर कोड दिखाएँ।</translation>
    </message>
    <message>
        <source>Printing your ticket… please take it below.</source>
        <translation>आपका टिकट प्रिंट हो रहा है… कृपया नीचे से ले लें।</translation>
    </message>
    <message>
        <source>Sorry, your booking could not be found just now. Please ask at the counter.</source>
        <translation>क्षमा करें, आपकी बुकिंग अभी नहीं मिल सकी। कृपया काउंटर पर पूछें।</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>आपके टिकट प्रिंट हो रहे हैं…</translation>
    </message>
    <message>
        <source>Take your tickets below.</source>
        <translation>नीचे से अपने टिकट लें।</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Your booking %1 is confirmed: show the code on this screen at the entrance, or collect your tickets at the counter.</source>
        <translation>टिकट प्रिंटर काम नहीं कर रहा। आपकी बुकिंग %1 पक्की है: प्रवेश पर इस स्क्रीन का कोड दिखाएँ, या काउंटर से टिकट लें।</translation>
    </message>
    <message>
        <source>Your seats were released because time ran out. Please choose again.</source>
        <translation>समय ख़त्म होने से आपकी सीटें छोड़ दी गईं। कृपया फिर से चुनें।</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <source>Close shift</source>
        <translation>शिफ़्ट बंद करें</translation>
    </message>
    <message>
        <source>Not now (Esc)</source>
        <translation>अभी नहीं (Esc)</translation>
    </message>
    <message>
        <source>Close your shift: count the drawer</source>
        <translation>अपनी शिफ़्ट बंद करें: दराज़ गिनें</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>UPI settlement total</source>
        <translation>UPI सेटलमेंट कुल</translation>
    </message>
    <message>
        <source>Card terminal batch total</source>
        <translation>कार्ड टर्मिनल बैच कुल</translation>
    </message>
    <message>
        <source>See the shift report</source>
        <translation>शिफ़्ट रिपोर्ट देखें</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Your shift report</source>
        <translation>आपकी शिफ़्ट रिपोर्ट</translation>
    </message>
    <message>
        <source>Read it through. Closing the shift cannot be undone: go back to the count to correct a number.</source>
        <translation>इसे पूरा पढ़ें। शिफ़्ट बंद करना वापस नहीं हो सकता: कोई संख्या ठीक करनी हो तो गिनती पर वापस जाएँ।</translation>
    </message>
    <message>
        <source>Back to the count</source>
        <translation>गिनती पर वापस</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>शिफ़्ट बंद हुई</translation>
    </message>
    <message>
        <source>Print the slip</source>
        <translation>पर्ची प्रिंट करें</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>पर्ची PDF में सहेजें</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट</translation>
    </message>
    <message>
        <source>No shift is open on this kiosk for you.</source>
        <translation>इस कियोस्क पर आपकी कोई शिफ़्ट खुली नहीं है।</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer, float included, then the card terminal&apos;s batch total and the UPI settlement total.</source>
        <translation>दराज़ में हर नोट और सिक्के की संख्या लिखें, फ़्लोट समेत, फिर कार्ड टर्मिनल का बैच कुल और UPI सेटलमेंट कुल।</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer, float included, then the card terminal&apos;s batch total.</source>
        <translation>दराज़ में हर नोट और सिक्के की संख्या लिखें, फ़्लोट समेत, फिर कार्ड टर्मिनल का बैच कुल।</translation>
    </message>
    <message>
        <source>In the drawer: %1</source>
        <translation>दराज़ में: %1</translation>
    </message>
    <message>
        <source>Type the card terminal&apos;s batch total (0 if it shows no sales).</source>
        <translation>कार्ड टर्मिनल का बैच कुल लिखें (कोई बिक्री न दिखे तो 0)।</translation>
    </message>
    <message>
        <source>Type the UPI settlement total (0 if there were no UPI payments).</source>
        <translation>UPI सेटलमेंट कुल लिखें (कोई UPI भुगतान न हुआ हो तो 0)।</translation>
    </message>
    <message>
        <source>Printing the slip…</source>
        <translation>पर्ची प्रिंट हो रही है…</translation>
    </message>
    <message>
        <source>The slip is printed: sign it and put it in the drawer bag.</source>
        <translation>पर्ची प्रिंट हो गई: इस पर हस्ताक्षर करें और दराज़ के बैग में रखें।</translation>
    </message>
    <message>
        <source>The slip did not print. Save it as PDF instead.</source>
        <translation>पर्ची प्रिंट नहीं हुई। इसके बजाय PDF में सहेजें।</translation>
    </message>
    <message>
        <source>The slip could not be saved (%1). The shift is closed and stored.</source>
        <translation>पर्ची सहेजी नहीं जा सकी (%1)। शिफ़्ट बंद होकर सहेजी जा चुकी है।</translation>
    </message>
    <message>
        <source>Slip saved as %1.</source>
        <translation>पर्ची %1 के रूप में सहेजी गई।</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <source>Open your shift</source>
        <translation>अपनी शिफ़्ट खोलें</translation>
    </message>
    <message>
        <source>Count the cash float in the drawer and type the amount. Cash sales need an open shift.</source>
        <translation>दराज़ में रखा फ़्लोट नकद गिनें और राशि टाइप करें। नकद बिक्री के लिए शिफ़्ट खुली होनी चाहिए।</translation>
    </message>
    <message>
        <source>Float in the drawer</source>
        <translation>दराज़ में फ़्लोट</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>शिफ़्ट खोलें</translation>
    </message>
    <message>
        <source>Card sales only (skip)</source>
        <translation>केवल कार्ड बिक्री (छोड़ें)</translation>
    </message>
    <message>
        <source>Type the float amount, for example 2000.</source>
        <translation>फ़्लोट राशि टाइप करें, जैसे 2000।</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>%1 के फ़्लोट के साथ शिफ़्ट खुली।</translation>
    </message>
</context>
<context>
    <name>ShiftReportView</name>
    <message>
        <source>Cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>पॉइंट</translation>
    </message>
    <message>
        <source>Cash in the drawer</source>
        <translation>दराज़ में नकद</translation>
    </message>
    <message>
        <source>Card terminal batch</source>
        <translation>कार्ड टर्मिनल बैच</translation>
    </message>
    <message>
        <source>UPI settlement</source>
        <translation>UPI सेटलमेंट</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>बराबर</translation>
    </message>
    <message>
        <source>Over by %1</source>
        <translation>%1 ज़्यादा</translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation>%1 कम</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>बंद: %1</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>अभी खुली</translation>
    </message>
    <message>
        <source>Shift %1 · %2 (%3) · %4 · opened %5, %6</source>
        <translation>शिफ़्ट %1 · %2 (%3) · %4 · खुली: %5, %6</translation>
    </message>
    <message>
        <source>Beyond the variance limit, a manager reviews it: %1</source>
        <translation>अंतर सीमा से ज़्यादा, मैनेजर समीक्षा करेंगे: %1</translation>
    </message>
    <message>
        <source>Taken by tender (net of refunds)</source>
        <translation>भुगतान माध्यम अनुसार प्राप्त (रिफ़ंड घटाकर)</translation>
    </message>
    <message>
        <source>No sales on this shift.</source>
        <translation>इस शिफ़्ट में कोई बिक्री नहीं।</translation>
    </message>
    <message>
        <source>Ticket sales</source>
        <translation>टिकट बिक्री</translation>
    </message>
    <message>
        <source>Food and drink sales</source>
        <translation>खाना-पीना बिक्री</translation>
    </message>
    <message>
        <source>Drawer count</source>
        <translation>दराज़ की गिनती</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>सिक्का</translation>
    </message>
    <message>
        <source>note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>The drawer is empty.</source>
        <translation>दराज़ ख़ाली है।</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>जाँच</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>फ़्लोट</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>घोषित</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
</context>
<context>
    <name>ShowCard</name>
    <message>
        <source>Sold out</source>
        <translation>सब बिक गया</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left</source>
        <translation>
            <numerusform>केवल %n सीट बची है</numerusform>
            <numerusform>केवल %n सीटें बची हैं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) left</source>
        <translation>
            <numerusform>%n सीट बची है</numerusform>
            <numerusform>%n सीटें बची हैं</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 से शुरू</translation>
    </message>
</context>
<context>
    <name>ShowTableModel</name>
    <message>
        <source>Today %1</source>
        <translation>आज %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>कल %1</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Cert</source>
        <translation>प्रमाणपत्र</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>हॉल</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>शुरू</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>बची सीटें</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>सब बिक गया</translation>
    </message>
</context>
<context>
    <name>ShowTimeGrid</name>
    <message>
        <source>Quick sale:</source>
        <translation>जल्दी बिक्री:</translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n वयस्क</numerusform>
            <numerusform>%n वयस्क</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n बच्चा</numerusform>
            <numerusform>%n बच्चे</numerusform>
        </translation>
    </message>
    <message>
        <source>Tap a show: the best %1 together are held and the sale goes to payment.</source>
        <translation>शो छुएँ: %1 के लिए सबसे अच्छी सीटें साथ रोकी जाएँगी और बिक्री भुगतान पर जाएगी।</translation>
    </message>
    <message>
        <source>Tap a show to choose seats on its map, or choose a quick sale first.</source>
        <translation>नक्शे पर सीटें चुनने के लिए शो छुएँ, या पहले जल्दी बिक्री चुनें।</translation>
    </message>
    <message>
        <source>No more shows today.</source>
        <translation>आज और शो नहीं हैं।</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>सब बिक गया</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n बची</numerusform>
            <numerusform>%n बचीं</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowsScreen</name>
    <message>
        <source>Choose a show</source>
        <translation>शो चुनें</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>प्रमाणपत्र %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 घं %2 मि</translation>
    </message>
    <message>
        <source>No shows left for this film. Please go back and choose another.</source>
        <translation>इस फ़िल्म के कोई शो नहीं बचे। कृपया वापस जाकर दूसरी चुनें।</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>कल</translation>
    </message>
</context>
<context>
    <name>ShowsTab</name>
    <message>
        <source>Starts (local)</source>
        <translation>शुरू (स्थानीय)</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>हॉल</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>मूल्य सूची</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>बिके</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source> days</source>
        <translation> दिन</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>शुरू</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>नया शो</translation>
    </message>
    <message>
        <source>Cancel show</source>
        <translation>शो रद्द करें</translation>
    </message>
    <message>
        <source>Save show</source>
        <translation>शो सहेजें</translation>
    </message>
    <message>
        <source>%1 (%2 min, %3)</source>
        <translation>%1 (%2 मिनट, %3)</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 सीटें)</translation>
    </message>
    <message>
        <source>Local time at the cinema (%1).</source>
        <translation>सिनेमा का स्थानीय समय (%1)।</translation>
    </message>
    <message>
        <source>Overlaps %1 %2-%3 (incl. %4 min cleaning).</source>
        <translation>%1 %2-%3 से टकराता है (%4 मिनट सफ़ाई सहित)।</translation>
    </message>
    <message>
        <source>Saved: %1 at %2, %3.</source>
        <translation>सहेजा गया: %1, %2 पर, %3।</translation>
    </message>
    <message>
        <source>Please choose a show in the table first.</source>
        <translation>कृपया पहले तालिका में एक शो चुनें।</translation>
    </message>
    <message>
        <source>%1 at %2 is cancelled.</source>
        <translation>%1, %2 पर, रद्द हो गया।</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>निर्धारित</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>Staff sign-in</source>
        <translation>स्टाफ़ साइन-इन</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>स्टाफ़ नंबर</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>साइन इन</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Type your staff number.</source>
        <translation>अपना स्टाफ़ नंबर टाइप करें।</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>अपना पिन टाइप करें।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Only a manager can open the manager console.</source>
        <translation>मैनेजर कंसोल केवल मैनेजर खोल सकते हैं।</translation>
    </message>
    <message>
        <source>Sign-in is not available right now. Please try again.</source>
        <translation>अभी साइन-इन उपलब्ध नहीं है। कृपया फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Counter sign-in</source>
        <translation>काउंटर साइन-इन</translation>
    </message>
</context>
<context>
    <name>SnacksScreen</name>
    <message>
        <source>Add a snack?</source>
        <translation>कुछ खाने को लें?</translation>
    </message>
    <message>
        <source>Popcorn and a drink, ready at the food counter with your booking reference. Tap to add, or go on without.</source>
        <translation>पॉपकॉर्न और ड्रिंक, आपके बुकिंग संदर्भ के साथ फ़ूड काउंटर पर तैयार। जोड़ने के लिए छुएँ, या इनके बिना आगे बढ़ें।</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>नहीं, धन्यवाद</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>एक कम</translation>
    </message>
    <message>
        <source>Snacks %1</source>
        <translation>स्नैक्स %1</translation>
    </message>
    <message>
        <source>Add and pay</source>
        <translation>जोड़ें और भुगतान करें</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>आगे बढ़ें</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Staff no.</source>
        <translation>स्टाफ़ नं.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>गलत पिन</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>लॉक कब तक</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>मैनेजर</translation>
    </message>
    <message>
        <source>4 to 8 digits, not 0000 or 1234</source>
        <translation>4 से 8 अंक, 0000 या 1234 नहीं</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits, not all the same digit and not a run such as 1234 or 9876.</source>
        <translation>पिन %1 से %2 अंकों का हो, सभी अंक एक जैसे नहीं और 1234 या 9876 जैसा क्रम नहीं।</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>स्टाफ़ नंबर</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>स्टाफ़ सदस्य जोड़ें</translation>
    </message>
    <message>
        <source>Reset PIN of selected</source>
        <translation>चुने हुए का पिन रीसेट करें</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक</translation>
    </message>
    <message>
        <source>Make manager</source>
        <translation>मैनेजर बनाएँ</translation>
    </message>
    <message>
        <source>Make cashier</source>
        <translation>कैशियर बनाएँ</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>फिर सक्रिय करें</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>निष्क्रिय करें</translation>
    </message>
    <message>
        <source>Please choose a staff member in the table first.</source>
        <translation>कृपया पहले तालिका में एक स्टाफ़ सदस्य चुनें।</translation>
    </message>
    <message>
        <source>%1 (%2) can now sign in.</source>
        <translation>%1 (%2) अब साइन इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>New PIN set for %1.</source>
        <translation>%1 के लिए नया पिन सेट हुआ।</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 अनलॉक हो गया।</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 अब साइन इन नहीं कर सकते।</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 फिर से साइन इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>%1 is now a manager.</source>
        <translation>%1 अब मैनेजर हैं।</translation>
    </message>
    <message>
        <source>%1 is now a cashier.</source>
        <translation>%1 अब कैशियर हैं।</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation>सिंक स्थिति अज्ञात</translation>
    </message>
    <message>
        <source>allocated seats only</source>
        <translation>केवल आवंटित सीटें</translation>
    </message>
    <message>
        <source>optimistic (any seat, conflicts possible)</source>
        <translation>आशावादी (कोई भी सीट, टकराव संभव)</translation>
    </message>
    <message>
        <source>%1 refused %2&apos;s approval: %3</source>
        <translation>%1 ने %2 की मंज़ूरी लागू नहीं की: %3</translation>
    </message>
    <message>
        <source>%1 refused %2&apos;s rejection: %3</source>
        <translation>%1 ने %2 की अस्वीकृति लागू नहीं की: %3</translation>
    </message>
    <message>
        <source>Approval by %1 applied</source>
        <translation>%1 की मंज़ूरी लागू हुई</translation>
    </message>
    <message>
        <source>Rejection by %1 applied</source>
        <translation>%1 की अस्वीकृति लागू हुई</translation>
    </message>
    <message>
        <source>Approval sent %1 by %2, not applied yet</source>
        <translation>%2 ने %1 पर मंज़ूरी भेजी, अभी लागू नहीं</translation>
    </message>
    <message>
        <source>Rejection sent %1 by %2, not applied yet</source>
        <translation>%2 ने %1 पर अस्वीकृति भेजी, अभी लागू नहीं</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>सीटें</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>चरण %1/%2: %3</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Are you still there?</source>
        <translation>क्या आप अभी भी यहाँ हैं?</translation>
    </message>
    <message>
        <source>Yes, I&apos;m still here</source>
        <translation>हाँ, मैं यहीं हूँ</translation>
    </message>
    <message numerus="yes">
        <source>We will release your seats and start again in %n second(s).</source>
        <translation>
            <numerusform>%n सेकंड में हम आपकी सीटें छोड़कर फिर से शुरू करेंगे।</numerusform>
            <numerusform>%n सेकंड में हम आपकी सीटें छोड़कर फिर से शुरू करेंगे।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>We will start again in %n second(s).</source>
        <translation>
            <numerusform>%n सेकंड में हम फिर से शुरू करेंगे।</numerusform>
            <numerusform>%n सेकंड में हम फिर से शुरू करेंगे।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Item</source>
        <translation>आइटम</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>स्टॉक में</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>कम सीमा</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>जाँच</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>आइटम ID</translation>
    </message>
    <message>
        <source>Food and drink stock</source>
        <translation>खाने-पीने का स्टॉक</translation>
    </message>
    <message>
        <source>Only low stock</source>
        <translation>केवल कम स्टॉक</translation>
    </message>
    <message>
        <source>Cinema</source>
        <translation>सिनेमा</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>Counted on hand</source>
        <translation>गिना गया स्टॉक</translation>
    </message>
    <message>
        <source>Warn at or below</source>
        <translation>इतने या कम पर चेतावनी</translation>
    </message>
    <message>
        <source>Save count</source>
        <translation>गिनती सहेजें</translation>
    </message>
    <message>
        <source>Items without a count (coffee made to order) are not listed and never run out.</source>
        <translation>बिना गिनती वाले आइटम (ऑर्डर पर बनी कॉफ़ी) सूची में नहीं हैं और कभी खत्म नहीं होते।</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>कम</translation>
    </message>
    <message>
        <source>%1 counted items, %2 at or below their warning mark.</source>
        <translation>%1 गिने गए आइटम, %2 अपनी चेतावनी सीमा पर या नीचे।</translation>
    </message>
    <message>
        <source>No counted items at this cinema.</source>
        <translation>इस सिनेमा में कोई गिना गया आइटम नहीं।</translation>
    </message>
    <message>
        <source>Please choose an item in the table first.</source>
        <translation>कृपया पहले तालिका में एक आइटम चुनें।</translation>
    </message>
    <message>
        <source>%1: %2 on hand.</source>
        <translation>%1: %2 स्टॉक में।</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sale</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>ग्राहक को संदेश</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>आख़िरी बिक्री</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>आख़िरी सिंक</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>भेजना बाकी</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>सबसे पुराना बाकी</translation>
    </message>
    <message>
        <source>Offline seats unsold</source>
        <translation>अनबिकी ऑफ़लाइन सीटें</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>आख़िरी समस्या</translation>
    </message>
    <message>
        <source>Show starts</source>
        <translation>शो शुरू</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>फ़िल्म</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>आवंटित</translation>
    </message>
    <message>
        <source>Sold from them</source>
        <translation>इनमें से बिकीं</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>शो</translation>
    </message>
    <message>
        <source>First admitted at</source>
        <translation>पहला प्रवेश कहाँ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Admitted again at (offline)</source>
        <translation>दोबारा प्रवेश कहाँ (ऑफ़लाइन)</translation>
    </message>
    <message>
        <source>Seats sold here</source>
        <translation>यहाँ बिकी सीटें</translation>
    </message>
    <message>
        <source>Taken elsewhere</source>
        <translation>कहीं और बिकीं</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>पता चला</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>कब छोड़ा</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>क्यों नहीं भेजा गया</translation>
    </message>
    <message>
        <source>Kiosks and sync</source>
        <translation>कियोस्क और सिंक</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Offline allocations by show</source>
        <translation>शो अनुसार ऑफ़लाइन आवंटन</translation>
    </message>
    <message>
        <source>Conflict queue: seats sold elsewhere first</source>
        <translation>टकराव सूची: सीटें पहले कहीं और बिकीं</translation>
    </message>
    <message>
        <source>Re-seat (equal seats)</source>
        <translation>सीटें बदलें (बराबर सीटें)</translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation>पूरा रिफ़ंड</translation>
    </message>
    <message>
        <source>Double admissions at the doors</source>
        <translation>दरवाज़ों पर दोहरे प्रवेश</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निर्यात करें</translation>
    </message>
    <message>
        <source>Not sent: sync gave up</source>
        <translation>नहीं भेजा गया: सिंक ने कोशिश छोड़ दी</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>निर्यात…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Cloud sync not configured: this kiosk sells from its own database only. %1 change(s) are kept in the local outbox and will be sent once cloud sync is turned on ([cloud] enabled = true).</source>
        <translation>क्लाउड सिंक सेट नहीं है: यह कियोस्क केवल अपने डेटाबेस से बेचता है। %1 बदलाव लोकल आउटबॉक्स में रखे हैं और क्लाउड सिंक चालू होते ही भेजे जाएँगे ([cloud] enabled = true)।</translation>
    </message>
    <message>
        <source>Re-seating needs the cloud; a refund works offline.</source>
        <translation>सीटें बदलने के लिए क्लाउड चाहिए; रिफ़ंड ऑफ़लाइन भी होता है।</translation>
    </message>
    <message>
        <source>Shared catalogue: this device has no cinema_id, so its shows, prices and staff are its own (set cinema_id or run `kiosk cloud join`).</source>
        <translation>साझा कैटलॉग: इस डिवाइस का कोई cinema_id नहीं है, इसलिए इसके शो, कीमतें और स्टाफ़ इसके अपने हैं (cinema_id सेट करें या `kiosk cloud join` चलाएँ)।</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Shared catalogue of %1: version %2 · last checked %3</source>
        <translation>%1 का साझा कैटलॉग: संस्करण %2 · आख़िरी जाँच %3</translation>
    </message>
    <message>
        <source>not pulled yet</source>
        <translation>अभी नहीं लाया गया</translation>
    </message>
    <message>
        <source>your changes wait to be published (offline)</source>
        <translation>आपके बदलाव प्रकाशित होने की प्रतीक्षा में हैं (ऑफ़लाइन)</translation>
    </message>
    <message>
        <source>%1 record(s) changed here are not published yet (`kiosk cloud publish`, or edit again once online)</source>
        <translation>यहाँ बदले गए %1 रिकॉर्ड अभी प्रकाशित नहीं हुए (`kiosk cloud publish`, या ऑनलाइन होने पर फिर से संपादित करें)</translation>
    </message>
    <message>
        <source>%1 item(s) could not be read and keep their last good copy:</source>
        <translation>%1 आइटम पढ़े नहीं जा सके, उनकी आख़िरी सही प्रति रखी गई है:</translation>
    </message>
    <message>
        <source>last refused publish (%1): %2</source>
        <translation>आख़िरी अस्वीकृत प्रकाशन (%1): %2</translation>
    </message>
    <message>
        <source>%1 · policy %2 · last sent %3 · last pulled %4 · sales last verified in the cloud %5 · %6 waiting</source>
        <translation>%1 · नीति %2 · आख़िरी भेजा %3 · आख़िरी लाया %4 · क्लाउड में बिक्री की आख़िरी जाँच %5 · %6 बाकी</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>समस्या: %1</translation>
    </message>
    <message>
        <source>Re-seat moves the booking to equal seats and tells the customer; refund pays it back in full.</source>
        <translation>सीटें बदलने से बुकिंग बराबर सीटों पर जाती है और ग्राहक को सूचना जाती है; रिफ़ंड पूरा पैसा लौटाता है।</translation>
    </message>
    <message>
        <source>No booking is in conflict.</source>
        <translation>कोई बुकिंग टकराव में नहीं है।</translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (needs a manager)</source>
        <translation>
            <numerusform>%n नहीं भेजा गया (मैनेजर की ज़रूरत)</numerusform>
            <numerusform>%n नहीं भेजे गए (मैनेजर की ज़रूरत)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) wait for a manager. Fix the cause the reason names, then choose a row and Retry.</source>
        <translation>
            <numerusform>%n पंक्ति मैनेजर का इंतज़ार कर रही है। कारण में बताई गई समस्या ठीक करें, फिर पंक्ति चुनकर «फिर से भेजें» दबाएँ।</numerusform>
            <numerusform>%n पंक्तियाँ मैनेजर का इंतज़ार कर रही हैं। कारण में बताई गई समस्या ठीक करें, फिर पंक्ति चुनकर «फिर से भेजें» दबाएँ।</numerusform>
        </translation>
    </message>
    <message>
        <source>Please choose a row in the not-sent list first.</source>
        <translation>कृपया पहले «नहीं भेजा गया» सूची में एक पंक्ति चुनें।</translation>
    </message>
    <message>
        <source>%1 will be sent again at the next sync.</source>
        <translation>%1 अगले सिंक में फिर से भेजा जाएगा।</translation>
    </message>
    <message>
        <source>Export rows not sent</source>
        <translation>न भेजी गई पंक्तियाँ निर्यात करें</translation>
    </message>
    <message>
        <source>JSON files (*.json);;CSV files (*.csv)</source>
        <translation>JSON फ़ाइलें (*.json);;CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 नहीं लिखी जा सकी: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>%n पंक्ति %1 में सहेजी गई।</numerusform>
            <numerusform>%n पंक्तियाँ %1 में सहेजी गईं।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Adult</source>
        <translation>वयस्क</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>बच्चा</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>वरिष्ठ नागरिक</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>विद्यार्थी</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>साधारण</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>प्रीमियम</translation>
    </message>
    <message>
        <source>Recliner</source>
        <translation>रिक्लाइनर</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>व्हीलचेयर</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>साथी सीट</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>UPI</source>
        <translation>UPI</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>पॉइंट</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 मिनट</translation>
    </message>
    <message>
        <source>SEATS %1</source>
        <translation>सीटें %1</translation>
    </message>
    <message>
        <source>SEAT %1</source>
        <translation>सीट %1</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>incl. tax</source>
        <translation>कर सहित</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>बुकिंग संदर्भ</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>जारी %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance.</source>
        <translation>प्रवेश द्वार पर यह टिकट दिखाएँ।</translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation>रसीद</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation> (रिफ़ंड हो चुका)</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>खाना-पीना</translation>
    </message>
    <message>
        <source> (%1 refunded)</source>
        <translation> (%1 रिफ़ंड)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>%1 included</source>
        <translation>%1 शामिल</translation>
    </message>
    <message>
        <source>Net of tax</source>
        <translation>कर के बिना</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>रिफ़ंड किया गया</translation>
    </message>
    <message>
        <source>Paid after refund</source>
        <translation>रिफ़ंड के बाद भुगतान</translation>
    </message>
    <message>
        <source>Paid by card</source>
        <translation>कार्ड से भुगतान</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>दिया गया नकद</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>वापसी</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>सदस्य %1</translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation>+%1 पॉइंट</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>सेवा दी</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds and exchanges.</source>
        <translation>धन्यवाद। रिफ़ंड और बदलाव के लिए यह रसीद रखें।</translation>
    </message>
</context>
<context>
    <name>TicketOutput</name>
    <message>
        <source>The PDF was not written. Please try again.</source>
        <translation>PDF नहीं बनी। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>प्रिंटिंग रद्द की गई।</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>टिकट प्रिंटर को भेज दिए गए।</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>रसीद प्रिंटर को भेज दी गई।</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Sale complete</source>
        <translation>बिक्री पूरी हुई</translation>
    </message>
    <message>
        <source>Resend confirmation…</source>
        <translation>पुष्टि फिर भेजें…</translation>
    </message>
    <message>
        <source>Print tickets (Ctrl+P)</source>
        <translation>टिकट प्रिंट करें (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save ticket PDF</source>
        <translation>टिकट PDF सहेजें</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>रसीद PDF सहेजें</translation>
    </message>
    <message>
        <source>New sale  ⏎</source>
        <translation>नई बिक्री  ⏎</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>बुकिंग संदर्भ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Print stand slip</source>
        <translation>स्टैंड पर्ची प्रिंट करें</translation>
    </message>
    <message>
        <source>Food and drink %1, collect at the stand: %2</source>
        <translation>खाना-पीना %1, काउंटर से लें: %2</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>सीटें: %1</translation>
    </message>
    <message>
        <source>Paid %1: %2</source>
        <translation>%1 का भुगतान: %2</translation>
    </message>
    <message>
        <source>Paid %1 by %2</source>
        <translation>%2 से %1 का भुगतान</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>नकद</translation>
    </message>
    <message>
        <source>card ending %1</source>
        <translation>%1 पर ख़त्म होने वाला कार्ड</translation>
    </message>
    <message>
        <source>Member %1 earned %2 points</source>
        <translation>सदस्य %1 ने %2 पॉइंट कमाए</translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation>वापस देने हैं %1</translation>
    </message>
    <message>
        <source>Saved on this kiosk; it will reach the central system automatically.</source>
        <translation>इस कियोस्क पर सहेजा गया; यह अपने आप केंद्रीय सिस्टम तक पहुँच जाएगा।</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 और</translation>
    </message>
    <message>
        <source>Ticket preview</source>
        <translation>टिकट का पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>प्रिंट हो रहा है…</translation>
    </message>
    <message>
        <source>%1 tickets and the receipt printed.</source>
        <translation>%1 टिकट और रसीद प्रिंट हो गए।</translation>
    </message>
    <message>
        <source>%1 tickets printed again.</source>
        <translation>%1 टिकट फिर से प्रिंट हुए।</translation>
    </message>
    <message>
        <source>Cash drawer opened.</source>
        <translation>कैश ड्रॉअर खुल गया।</translation>
    </message>
    <message>
        <source>Printing failed (%1). The sale is saved: press Reprint.</source>
        <translation>प्रिंट नहीं हुआ (%1)। बिक्री सहेजी गई है: फिर से प्रिंट दबाएँ।</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>प्रिंट नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>No confirmation: the customer gave no phone or e-mail.</source>
        <translation>पुष्टि नहीं: ग्राहक ने फ़ोन या ई-मेल नहीं दिया।</translation>
    </message>
    <message>
        <source>Confirmation to %1: waiting to be sent.</source>
        <translation>%1 को पुष्टि: भेजी जानी है।</translation>
    </message>
    <message>
        <source>Confirmation to %1: not sent yet, trying again.</source>
        <translation>%1 को पुष्टि: अभी नहीं गई, फिर कोशिश हो रही है।</translation>
    </message>
    <message>
        <source>Confirmation sent to %1.</source>
        <translation>%1 को पुष्टि भेज दी गई।</translation>
    </message>
    <message>
        <source>Confirmation to %1 failed: %2. Check the number or address with the customer and resend.</source>
        <translation>%1 को पुष्टि नहीं गई: %2। ग्राहक से नंबर या पता जाँचें और फिर भेजें।</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>नहीं पहुँची</translation>
    </message>
    <message>
        <source>Send confirmation…</source>
        <translation>पुष्टि भेजें…</translation>
    </message>
    <message>
        <source>Resend confirmation</source>
        <translation>पुष्टि फिर भेजें</translation>
    </message>
    <message>
        <source>Phone or e-mail to send to (leave empty for the one on the booking):</source>
        <translation>किस फ़ोन या ई-मेल पर भेजें (बुकिंग वाले के लिए खाली छोड़ें):</translation>
    </message>
    <message>
        <source>The confirmation will be sent again.</source>
        <translation>पुष्टि फिर से भेजी जाएगी।</translation>
    </message>
    <message>
        <source>Stand slip sent to the printer.</source>
        <translation>स्टैंड पर्ची प्रिंटर को भेजी गई।</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>प्रिंटिंग रद्द की गई।</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF सहेजें</translation>
    </message>
    <message>
        <source>The PDF could not be written (%1). The booking is saved; try again or print instead.</source>
        <translation>PDF नहीं बन सकी (%1)। बुकिंग सहेजी गई है; फिर से कोशिश करें या प्रिंट करें।</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>सहेजा गया %1</translation>
    </message>
    <message>
        <source>Printing failed (%1). The booking is saved; save the PDF or try again.</source>
        <translation>प्रिंटिंग विफल (%1)। बुकिंग सहेजी गई है; PDF सहेजें या फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>TicketTypesScreen</name>
    <message>
        <source>Tickets</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Who is each seat for? Child, senior and student tickets cost less.</source>
        <translation>हर सीट किसके लिए है? बच्चों, वरिष्ठ नागरिकों और विद्यार्थियों के टिकट सस्ते हैं।</translation>
    </message>
    <message>
        <source>Continue to payment</source>
        <translation>भुगतान पर आगे बढ़ें</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>प्रोमो कोड</translation>
    </message>
    <message>
        <source>Total %1 (incl. tax %2)</source>
        <translation>कुल %1 (कर %2 सहित)</translation>
    </message>
    <message>
        <source>Member?</source>
        <translation>सदस्य हैं?</translation>
    </message>
    <message>
        <source>Member ✓ · earning points</source>
        <translation>सदस्य ✓ · पॉइंट मिल रहे हैं</translation>
    </message>
</context>
<context>
    <name>ZReport</name>
    <message>
        <source>Z report</source>
        <translation>Z रिपोर्ट</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>खाना-पीना</translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation>गिफ़्ट कार्ड</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>लॉयल्टी</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>भुगतान माध्यम</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Cashier variance</source>
        <translation>कैशियर अंतर</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>शिफ़्टें</translation>
    </message>
    <message>
        <source>Card and UPI checks</source>
        <translation>कार्ड और UPI जाँच</translation>
    </message>
    <message>
        <source>By device</source>
        <translation>डिवाइस अनुसार</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>चैनल अनुसार</translation>
    </message>
    <message>
        <source>Adjustments after the close</source>
        <translation>बंद के बाद समायोजन</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>मान</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>माप</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>भुगतान माध्यम</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>लिया</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>रिफ़ंड किया</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>स्टाफ़ नं.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>डिवाइस</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>खुली</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>फ़्लोट</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>रिपोर्ट की गई</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>सकल</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>शुद्ध बिक्री</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>By</source>
        <translation>किसने</translation>
    </message>
    <message>
        <source>At (UTC)</source>
        <translation>समय (UTC)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Gross sales (tax included)</source>
        <translation>सकल बिक्री (कर सहित)</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>कर</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>छूट</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>बदलाव क्रेडिट</translation>
    </message>
    <message>
        <source>Net revenue (after tax)</source>
        <translation>शुद्ध आय (कर के बाद)</translation>
    </message>
    <message>
        <source>Refunds completed</source>
        <translation>पूरे हुए रिफ़ंड</translation>
    </message>
    <message>
        <source>Refunds awaiting approval (not counted)</source>
        <translation>मंज़ूरी बाकी रिफ़ंड (गिने नहीं गए)</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>मंज़ूरी बाकी</translation>
    </message>
    <message>
        <source>Approved but not yet paid out of a drawer</source>
        <translation>मंज़ूर, पर अभी दराज़ से भुगतान नहीं हुआ</translation>
    </message>
    <message>
        <source>To pay out</source>
        <translation>भुगतान बाकी</translation>
    </message>
    <message>
        <source>Net sales at the close</source>
        <translation>बंद के समय शुद्ध बिक्री</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>समायोजन</translation>
    </message>
    <message>
        <source>Net sales after adjustments</source>
        <translation>समायोजन के बाद शुद्ध बिक्री</translation>
    </message>
</context>
</TS>
