"""The words of a customer's confirmation, in the language the customer used on the kiosk
(issue 13 point 8: en, hi, te). Plain templates, filled by ``kiosk.cloud.notifier``; a language
without a text falls back to English. The e-mail subject stays in English (SNS subjects are
ASCII); the SMS and the e-mail body are in the customer's language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "confirmed": "Thank you! Your booking {ref} is confirmed.",
        "confirmed_head": "Booking {ref} confirmed: {film}, {when}",
        "reseated": "Your booking {ref} has been moved to equal seats: {seats}.",
        "reseated_head": "New seats for booking {ref}: {film}",
        "conflict_head": "Action needed for booking {ref}: {film}",
        "cancelled": ("We are sorry: this show has been cancelled, so your booking {ref} "
                      "(seats {lost}) cannot go ahead. Our staff will refund you in full and "
                      "will contact you shortly."),
        "staff": ("We are sorry: your booking {ref} (seats {lost}) could not be confirmed by our "
                  "box office. Our staff will confirm it or refund you in full, and will "
                  "contact you shortly."),
        "sold": ("We are sorry: seat(s) {lost} of your booking {ref} were sold elsewhere while "
                 "our box office was offline. Our staff will move you to equal seats or refund "
                 "you in full, and will contact you shortly."),
        "reference": "Booking reference", "film": "Film", "cinema": "Cinema",
        "when": "Date and time", "local": "(local time)", "seats": "Seats",
        "amount": "Amount", "none": "none",
    },
    "hi": {
        "confirmed": "धन्यवाद! आपकी बुकिंग {ref} पक्की हो गई है।",
        "confirmed_head": "बुकिंग {ref} पक्की: {film}, {when}",
        "reseated": "आपकी बुकिंग {ref} बराबर की सीटों पर बदल दी गई है: {seats}।",
        "reseated_head": "बुकिंग {ref} की नई सीटें: {film}",
        "conflict_head": "बुकिंग {ref} पर ध्यान दें: {film}",
        "cancelled": ("क्षमा करें: यह शो रद्द हो गया है, इसलिए आपकी बुकिंग {ref} (सीटें {lost}) "
                      "नहीं हो सकती। हमारे कर्मचारी पूरा पैसा लौटाएँगे और जल्द आपसे संपर्क करेंगे।"),
        "staff": ("क्षमा करें: आपकी बुकिंग {ref} (सीटें {lost}) हमारे बॉक्स ऑफ़िस से पक्की नहीं हो "
                  "सकी। हमारे कर्मचारी इसे पक्का करेंगे या पूरा पैसा लौटाएँगे, और जल्द संपर्क "
                  "करेंगे।"),
        "sold": ("क्षमा करें: जब हमारा बॉक्स ऑफ़िस ऑफ़लाइन था, आपकी बुकिंग {ref} की सीट {lost} "
                 "कहीं और बिक गई। हमारे कर्मचारी आपको बराबर की सीटें देंगे या पूरा पैसा "
                 "लौटाएँगे, और जल्द संपर्क करेंगे।"),
        "reference": "बुकिंग संदर्भ", "film": "फ़िल्म", "cinema": "सिनेमा",
        "when": "तारीख़ और समय", "local": "(स्थानीय समय)", "seats": "सीटें",
        "amount": "राशि", "none": "कोई नहीं",
    },
    "te": {
        "confirmed": "ధన్యవాదాలు! మీ బుకింగ్ {ref} నిర్ధారించబడింది.",
        "confirmed_head": "బుకింగ్ {ref} నిర్ధారించబడింది: {film}, {when}",
        "reseated": "మీ బుకింగ్ {ref} సమానమైన సీట్లకు మార్చబడింది: {seats}.",
        "reseated_head": "బుకింగ్ {ref} కొత్త సీట్లు: {film}",
        "conflict_head": "బుకింగ్ {ref} పై చర్య అవసరం: {film}",
        "cancelled": ("క్షమించండి: ఈ షో రద్దయింది, కాబట్టి మీ బుకింగ్ {ref} (సీట్లు {lost}) "
                      "కొనసాగదు. మా సిబ్బంది పూర్తి డబ్బు తిరిగి ఇస్తారు, త్వరలో మిమ్మల్ని "
                      "సంప్రదిస్తారు."),
        "staff": ("క్షమించండి: మీ బుకింగ్ {ref} (సీట్లు {lost}) మా బాక్స్ ఆఫీస్ నిర్ధారించలేకపోయింది. "
                  "మా సిబ్బంది దాన్ని నిర్ధారిస్తారు లేదా పూర్తి డబ్బు తిరిగి ఇస్తారు, త్వరలో "
                  "సంప్రదిస్తారు."),
        "sold": ("క్షమించండి: మా బాక్స్ ఆఫీస్ ఆఫ్‌లైన్‌లో ఉన్నప్పుడు మీ బుకింగ్ {ref} లోని సీటు(లు) "
                 "{lost} వేరే చోట అమ్ముడయ్యాయి. మా సిబ్బంది సమానమైన సీట్లు ఇస్తారు లేదా పూర్తి "
                 "డబ్బు తిరిగి ఇస్తారు, త్వరలో సంప్రదిస్తారు."),
        "reference": "బుకింగ్ రిఫరెన్స్", "film": "సినిమా", "cinema": "థియేటర్",
        "when": "తేదీ మరియు సమయం", "local": "(స్థానిక సమయం)", "seats": "సీట్లు",
        "amount": "మొత్తం", "none": "ఏవీ లేవు",
    },
}


def texts(language: str) -> dict[str, str]:
    """The language's texts, English for any it lacks."""
    return {**TEXTS["en"], **TEXTS.get(str(language or "en"), {})}
