"""ISO 4217 currency codes that money on the platform may be recorded in.

The active codes of ISO 4217 for circulating currencies (fund codes, precious metals and test
codes are left out), and the codes withdrawn since the first Forum (2007) that a historical
budget or contribution may be stated in."""

ACTIVE = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
    MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
    TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL
    """.split()  # noqa: SIM905 (a block of codes reads better than 161 quoted strings)
)

# Withdrawn since 2007: on joining the euro SIT (2007), CYP and MTL (2008), SKK (2009), EEK
# (2011), LVL (2014), LTL (2015); on redenomination ZMK (2013), BYR (2016), MRO, STD and VEF
# (2018).
WITHDRAWN_SINCE_2007 = frozenset(
    "SIT CYP MTL SKK EEK LVL LTL ZMK BYR MRO STD VEF".split()  # noqa: SIM905
)

CURRENCY_CODES = ACTIVE | WITHDRAWN_SINCE_2007
