namespace CareStories.Benchmark;

/// <summary>The words the generated people, teams and stories are made of; picked at random with a fixed seed.</summary>
internal static class WordLists
{
    public static readonly string[] Situations =
    [
        "The customer's delivery van broke down on the way to a trade fair, with every sample they meant to show on board. They called us two hours before the doors opened, close to tears, because the fair was the one chance this year to meet their biggest buyers.",
        "An elderly customer had been charged twice for the same repair and could not get through on the phone line for three days. Her daughter wrote to us, worried that the second charge would leave her mother short for the rest of the month.",
        "A small bakery's card terminal stopped taking payments on the Saturday before a holiday, their busiest day of the year. The owner had a queue out of the door and no cash float to speak of.",
        "The customer needed a signed report on their boss's desk within ten minutes, and the office printer we look after had jammed for the third time that morning.",
        "A family moving house found that the spare part we promised for their heating system had gone to their old address, and the new house had no heating in the middle of a cold week with a newborn at home.",
    ];

    public static readonly string[] Actions =
    [
        "Drove the spare part over personally after the shift ended, installed it, and stayed until the system had run a full cycle without a fault.",
        "Refunded the duplicate charge on the spot, within the limit we may spend without sign-off, and called back the next morning to make sure the money had arrived.",
        "Lent the customer one of our demo units for the weekend and talked the owner through setting it up over the phone while the queue kept moving.",
        "Sent the report to a printer on another floor, walked it to the meeting room, and came back to clear the jam once the customer's meeting had started.",
        "Arranged a courier from the warehouse to the new address the same evening and asked the field team to fit the part first thing in the morning.",
    ];

    public static readonly string[] Preventions =
    [
        "Raised a change so the billing system holds a second identical charge for review instead of sending it.",
        "Added the printer to the weekly maintenance round and ordered the roller kit the manufacturer recommends.",
        "Changed the order form so a new delivery address is confirmed by text message before anything is shipped.",
    ];

    public static readonly string[] Outcomes =
    [
        "The customer made it to the fair on time, signed two new buyers, and wrote to thank the whole team.",
        "She told us she had nearly moved to another provider and now recommends us to her friends at the community centre.",
        "The bakery took every payment that day; the owner sent a box of pastries to the support desk on Monday.",
        "The report reached the boss with minutes to spare and the customer renewed their contract for three years.",
    ];

    public static readonly string[] QuoteTexts =
    [
        "I honestly did not expect anyone to go that far for us. Thank you, you saved our week.",
        "Your colleague stayed calm when I was not, and sorted everything before I had even finished explaining.",
        "We have been customers for twelve years and this is the reason we will stay for twelve more.",
    ];

    public static readonly string[] Comments =
    [
        "This is exactly what we mean by putting the customer first. Brilliant work.",
        "I had no idea the warehouse team did this. Thank you for sharing it.",
        "Great story. The prevention step is what I like best: nobody else will hit this again.",
    ];

    public static readonly string[] SpendPurposes =
        ["A courier and a replacement part", "A taxi home for the customer", "A goodwill credit on the next bill", "A hotel room for the night", "Flowers and an apology card"];

    public static readonly string[] FixTitles =
        ["Hold duplicate charges for review", "Add the printer to the maintenance round", "Confirm new delivery addresses by text", "Stock spare terminals at every depot", "Call back within a day after every outage"];

    public static readonly string[] FixChanges =
        ["Change the process so this cannot happen to the next customer, and tell the front line what is different.", "Update the checklist and train the team on it at the next huddle."];

    public static readonly string[] ThanksTexts =
        ["Thank you for staying late to sort out our order; it meant a great deal to the whole family.", "You were patient, kind and quick. I will tell everyone about the service I received.", "I wanted your manager to know how much your help mattered to us this week."];

    public static readonly string[] FirstNames =
        ["Ada", "Ben", "Chloe", "Dev", "Eva", "Finn", "Gita", "Hugo", "Iris", "Jon", "Kemi", "Liam", "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tara"];

    public static readonly string[] LastNames =
        ["Adams", "Baker", "Costa", "Diaz", "Evans", "Fischer", "Gupta", "Hansen", "Ito", "Jansen", "Kowalski", "Larsen", "Mensah", "Nowak", "Okoro", "Pereira", "Rossi", "Silva", "Tanaka", "Usman"];

    public static readonly string[] JobTitles =
        ["Customer Support Specialist", "Field Technician", "Billing Analyst", "Warehouse Coordinator", "IT Support Engineer", "Logistics Planner"];

    public static readonly string[] TeamNames =
        ["Customer Support", "Field Service", "Billing", "Warehouse", "IT Operations", "Roadside", "Sales Desk", "Returns", "Payroll", "Facilities"];

    public static readonly string[] ValueNames =
        ["Broke a rule for the customer", "Workaround first", "Fixed it for good", "Cross-team help", "Listened first", "Owned it end to end", "Kept the promise", "Went back to check"];

    public static readonly string[] BadgeNames =
        ["Above and beyond", "Customer hero", "Problem solver", "Team player", "Calm in the storm", "Fixed it for good"];

    public static readonly string[] TitleStarts =
        ["Samples at the fair", "A refund before breakfast", "The holiday card terminal", "Ten minutes to print", "Heating for a newborn", "A part at the wrong address"];

    public static readonly string[] TitleEnds =
        ["saved by the night shift", "and a very happy customer", "fixed for everyone", "with minutes to spare", "thanks to the warehouse", "the whole team pitched in"];

    private static readonly string[] TownStarts =
        ["Ash", "Bram", "Cold", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lark", "Marsh", "North", "Oak", "Pen", "Red", "Stan", "Thorn", "Wex", "York"];

    private static readonly string[] TownEnds =
        ["ford", "wick", "by", "ton", "mouth", "field", "bridge", "combe", "stead", "holm", "well", "gate"];

    /// <summary>240 place names (Ashford, Bramwick...): each is in about one story in 240.</summary>
    public static int TownCount => TownStarts.Length * TownEnds.Length;

    public static string Town(int index) => TownStarts[index / TownEnds.Length] + TownEnds[index % TownEnds.Length];
}
