/// The product lines the demo store is generated from: real brands and models, with base prices in
/// US dollars, the variants each line comes in and the words its description is built from.
enum DemoCatalog {
    /// One model of one brand; variants multiply it into several products.
    struct Line {
        var brand: String
        var model: String
        var basePrice: Double
        var features: [String]
    }

    /// How a category's lines become products.
    struct Category {
        var name: String
        /// Noun appended to product names ("Wireless Headphones").
        var noun: String
        var lines: [Line]
        /// Product variants: each yields one product with a name suffix and a price factor.
        var variants: [(suffix: String, priceFactor: Double)]
        /// Sizes every product of the category offers (clothing, shoes), or none.
        var sizes: [String]
        var colors: [String]
    }

    static let clothingSizes = ["XS", "S", "M", "L", "XL", "XXL"]
    static let shoeSizes = ["6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "12", "13"]

    static let categories: [Category] = [
        Category(
            name: "phones", noun: "Smartphone",
            lines: [
                Line(brand: "Samsung", model: "Galaxy S24", basePrice: 799, features: ["6.2-inch AMOLED display", "Galaxy AI", "50MP camera"]),
                Line(brand: "Samsung", model: "Galaxy S24 Ultra", basePrice: 1299, features: ["built-in S Pen", "200MP camera", "titanium frame"]),
                Line(brand: "Samsung", model: "Galaxy A55", basePrice: 449, features: ["6.6-inch display", "all-day battery", "IP67 water resistance"]),
                Line(brand: "Samsung", model: "Galaxy Z Flip5", basePrice: 999, features: ["foldable design", "Flex Window", "compact"]),
                Line(brand: "Samsung", model: "Galaxy A15", basePrice: 199, features: ["big battery", "expandable storage", "90Hz display"]),
                Line(brand: "Apple", model: "iPhone 15", basePrice: 799, features: ["Dynamic Island", "48MP camera", "USB-C"]),
                Line(brand: "Apple", model: "iPhone 15 Pro", basePrice: 999, features: ["A17 Pro chip", "titanium design", "Action button"]),
                Line(brand: "Apple", model: "iPhone 15 Pro Max", basePrice: 1199, features: ["5x telephoto camera", "A17 Pro chip", "titanium design"]),
                Line(brand: "Apple", model: "iPhone 14", basePrice: 699, features: ["crash detection", "dual camera", "all-day battery"]),
                Line(brand: "Apple", model: "iPhone SE", basePrice: 429, features: ["Touch ID", "A15 Bionic", "compact 4.7-inch display"]),
                Line(brand: "Google", model: "Pixel 8", basePrice: 699, features: ["Tensor G3", "7 years of updates", "Magic Eraser"]),
                Line(brand: "Google", model: "Pixel 8 Pro", basePrice: 999, features: ["pro triple camera", "temperature sensor", "Tensor G3"]),
                Line(brand: "Google", model: "Pixel 7a", basePrice: 499, features: ["wireless charging", "64MP camera", "Tensor G2"]),
                Line(brand: "Motorola", model: "Moto G84", basePrice: 299, features: ["pOLED display", "vegan leather back", "fast charging"]),
                Line(brand: "OnePlus", model: "OnePlus 12", basePrice: 799, features: ["Hasselblad camera", "80W charging", "Snapdragon 8 Gen 3"]),
                Line(brand: "OnePlus", model: "Nord 3", basePrice: 399, features: ["120Hz display", "80W charging", "alert slider"]),
            ],
            variants: [("128GB", 1.0), ("256GB", 1.12), ("512GB", 1.3)],
            sizes: [], colors: ["black", "white", "blue", "green", "purple", "silver", "gold"]
        ),
        Category(
            name: "laptops", noun: "Laptop",
            lines: [
                Line(brand: "Dell", model: "XPS 13", basePrice: 999, features: ["InfinityEdge display", "Intel Core Ultra", "machined aluminium"]),
                Line(brand: "Dell", model: "XPS 15", basePrice: 1499, features: ["OLED option", "RTX graphics", "15.6-inch display"]),
                Line(brand: "Dell", model: "Inspiron 15", basePrice: 549, features: ["15.6-inch FHD", "numeric keypad", "everyday performance"]),
                Line(brand: "Dell", model: "Latitude 7440", basePrice: 1349, features: ["business security", "long battery", "14-inch"]),
                Line(brand: "Dell", model: "Alienware m16", basePrice: 1899, features: ["RTX 4070", "240Hz display", "gaming cooling"]),
                Line(brand: "HP", model: "Spectre x360 14", basePrice: 1449, features: ["2-in-1 convertible", "OLED touch display", "pen included"]),
                Line(brand: "HP", model: "Envy 16", basePrice: 1199, features: ["creator display", "RTX graphics", "quad speakers"]),
                Line(brand: "HP", model: "Pavilion 15", basePrice: 649, features: ["15.6-inch", "fast charge", "B&O audio"]),
                Line(brand: "HP", model: "Victus 15", basePrice: 799, features: ["gaming laptop", "144Hz display", "RTX 3050"]),
                Line(brand: "Lenovo", model: "ThinkPad X1 Carbon", basePrice: 1649, features: ["ultralight carbon chassis", "legendary keyboard", "business grade"]),
                Line(brand: "Lenovo", model: "IdeaPad Slim 5", basePrice: 599, features: ["slim aluminium", "Ryzen 7", "fast charging"]),
                Line(brand: "Lenovo", model: "Yoga 7i", basePrice: 849, features: ["2-in-1 convertible", "touch display", "Dolby Atmos"]),
                Line(brand: "Lenovo", model: "Legion 5", basePrice: 1199, features: ["gaming laptop", "RTX 4060", "165Hz display"]),
                Line(brand: "Apple", model: "MacBook Air 13 M3", basePrice: 1099, features: ["M3 chip", "18-hour battery", "fanless"]),
                Line(brand: "Apple", model: "MacBook Air 15 M3", basePrice: 1299, features: ["15.3-inch Liquid Retina", "M3 chip", "six speakers"]),
                Line(brand: "Apple", model: "MacBook Pro 14", basePrice: 1599, features: ["M3 Pro chip", "Liquid Retina XDR", "ProMotion"]),
                Line(brand: "Asus", model: "Zenbook 14 OLED", basePrice: 899, features: ["OLED display", "Intel Core Ultra", "1.2 kg"]),
                Line(brand: "Asus", model: "ROG Zephyrus G14", basePrice: 1599, features: ["gaming laptop", "RTX 4070", "compact 14-inch"]),
                Line(brand: "Acer", model: "Aspire 5", basePrice: 499, features: ["budget friendly", "15.6-inch", "backlit keyboard"]),
                Line(brand: "Acer", model: "Swift Go 14", basePrice: 749, features: ["OLED display", "lightweight", "Intel Evo"]),
            ],
            variants: [("8GB/256GB", 1.0), ("16GB/512GB", 1.2)],
            sizes: [], colors: ["silver", "grey", "black", "blue"]
        ),
        Category(
            name: "headphones", noun: "Headphones",
            lines: [
                Line(brand: "Sony", model: "WH-1000XM5", basePrice: 399, features: ["industry-leading noise cancelling", "30-hour battery", "over-ear wireless"]),
                Line(brand: "Sony", model: "WH-1000XM4", basePrice: 349, features: ["noise cancelling", "speak-to-chat", "over-ear wireless"]),
                Line(brand: "Sony", model: "WF-1000XM5", basePrice: 299, features: ["true wireless earbuds", "noise cancelling", "compact case"]),
                Line(brand: "Sony", model: "WH-CH720N", basePrice: 149, features: ["lightweight", "noise cancelling", "35-hour battery"]),
                Line(brand: "Sony", model: "WF-C700N", basePrice: 119, features: ["wireless earbuds", "noise cancelling", "small and light"]),
                Line(brand: "Sony", model: "MDR-ZX110", basePrice: 19, features: ["wired on-ear", "folding design", "budget"]),
                Line(brand: "Apple", model: "AirPods Pro 2", basePrice: 249, features: ["active noise cancellation", "adaptive audio", "MagSafe case"]),
                Line(brand: "Apple", model: "AirPods 3", basePrice: 169, features: ["spatial audio", "sweat resistant", "wireless earbuds"]),
                Line(brand: "Apple", model: "AirPods Max", basePrice: 549, features: ["over-ear", "computational audio", "aluminium cups"]),
                Line(brand: "Bose", model: "QuietComfort Ultra", basePrice: 429, features: ["immersive audio", "world-class noise cancelling", "over-ear"]),
                Line(brand: "Bose", model: "QuietComfort 45", basePrice: 279, features: ["noise cancelling", "24-hour battery", "comfortable"]),
                Line(brand: "Sennheiser", model: "Momentum 4", basePrice: 349, features: ["60-hour battery", "adaptive noise cancelling", "audiophile sound"]),
                Line(brand: "Sennheiser", model: "HD 560S", basePrice: 199, features: ["open-back", "wired", "reference sound"]),
                Line(brand: "JBL", model: "Tune 760NC", basePrice: 129, features: ["noise cancelling", "foldable", "JBL Pure Bass"]),
                Line(brand: "JBL", model: "Tune 510BT", basePrice: 49, features: ["wireless on-ear", "40-hour battery", "budget"]),
                Line(brand: "JBL", model: "Live 660NC", basePrice: 199, features: ["adaptive noise cancelling", "voice assistant", "over-ear"]),
                Line(brand: "Beats", model: "Studio Pro", basePrice: 349, features: ["noise cancelling", "lossless audio via USB-C", "40-hour battery"]),
                Line(brand: "Beats", model: "Solo 4", basePrice: 199, features: ["on-ear wireless", "50-hour battery", "lightweight"]),
                Line(brand: "Samsung", model: "Galaxy Buds2 Pro", basePrice: 229, features: ["24-bit hi-fi", "noise cancelling", "earbuds"]),
                Line(brand: "Samsung", model: "Galaxy Buds FE", basePrice: 99, features: ["earbuds", "noise cancelling", "comfortable fit"]),
                Line(brand: "Anker", model: "Soundcore Life Q30", basePrice: 79, features: ["hybrid noise cancelling", "40-hour battery", "budget"]),
                Line(brand: "Anker", model: "Soundcore Space One", basePrice: 99, features: ["adaptive noise cancelling", "LDAC", "over-ear"]),
            ],
            variants: [("", 1.0)],
            sizes: [], colors: ["black", "white", "silver", "blue", "pink"]
        ),
        Category(
            name: "tvs", noun: "4K TV",
            lines: [
                Line(brand: "Samsung", model: "QLED Q60C", basePrice: 549, features: ["Quantum Dot colour", "AirSlim design", "Tizen smart TV"]),
                Line(brand: "Samsung", model: "QLED Q80C", basePrice: 899, features: ["Direct Full Array", "120Hz", "Quantum HDR"]),
                Line(brand: "Samsung", model: "Neo QLED QN90C", basePrice: 1399, features: ["Mini LED", "anti-glare", "Neural Quantum Processor"]),
                Line(brand: "Samsung", model: "Crystal UHD CU7000", basePrice: 349, features: ["Crystal Processor 4K", "HDR", "smart TV"]),
                Line(brand: "Samsung", model: "OLED S90C", basePrice: 1499, features: ["QD-OLED", "144Hz gaming", "Dolby Atmos"]),
                Line(brand: "LG", model: "OLED C3", basePrice: 1399, features: ["self-lit OLED pixels", "a9 AI processor", "Dolby Vision"]),
                Line(brand: "LG", model: "OLED B3", basePrice: 1099, features: ["OLED", "120Hz", "webOS"]),
                Line(brand: "LG", model: "QNED80", basePrice: 699, features: ["Quantum Dot NanoCell", "local dimming", "webOS"]),
                Line(brand: "LG", model: "UHD UR8000", basePrice: 379, features: ["4K UHD", "HDR10", "webOS"]),
                Line(brand: "Sony", model: "Bravia X80L", basePrice: 749, features: ["Google TV", "Triluminos Pro", "4K HDR"]),
                Line(brand: "Sony", model: "Bravia X90L", basePrice: 1099, features: ["Full Array LED", "Cognitive Processor XR", "Google TV"]),
                Line(brand: "Sony", model: "Bravia A80L OLED", basePrice: 1799, features: ["OLED", "Acoustic Surface Audio+", "Google TV"]),
                Line(brand: "TCL", model: "Q6 QLED", basePrice: 399, features: ["QLED", "Google TV", "Dolby Vision"]),
                Line(brand: "Hisense", model: "U8K Mini-LED", basePrice: 899, features: ["Mini-LED", "144Hz", "1500 nits"]),
                Line(brand: "Hisense", model: "A6 UHD", basePrice: 299, features: ["4K UHD", "Google TV", "DTS Virtual:X"]),
                Line(brand: "Panasonic", model: "MX800", basePrice: 849, features: ["Fire TV built in", "HDR10+", "Filmmaker Mode"]),
            ],
            variants: [("43\"", 0.75), ("55\"", 1.0), ("65\"", 1.45)],
            sizes: [], colors: ["black"]
        ),
        Category(
            name: "shoes", noun: "Shoes",
            lines: [
                Line(brand: "Nike", model: "Pegasus 40 Running", basePrice: 130, features: ["running shoes", "React foam", "breathable mesh"]),
                Line(brand: "Nike", model: "Revolution 7 Running", basePrice: 70, features: ["running shoes", "soft foam", "lightweight"]),
                Line(brand: "Nike", model: "Downshifter 12 Running", basePrice: 65, features: ["running shoes", "road running", "breathable"]),
                Line(brand: "Nike", model: "Invincible 3 Running", basePrice: 180, features: ["running shoes", "max cushioning", "ZoomX foam"]),
                Line(brand: "Nike", model: "Air Max 90", basePrice: 130, features: ["sneakers", "visible Air cushioning", "iconic waffle sole"]),
                Line(brand: "Nike", model: "Air Force 1 '07", basePrice: 115, features: ["sneakers", "leather upper", "classic court style"]),
                Line(brand: "Adidas", model: "Ultraboost Light Running", basePrice: 190, features: ["running shoes", "Light BOOST", "Primeknit"]),
                Line(brand: "Adidas", model: "Duramo SL Running", basePrice: 70, features: ["running shoes", "Lightmotion cushioning", "everyday training"]),
                Line(brand: "Adidas", model: "Adizero SL Running", basePrice: 120, features: ["running shoes", "Lightstrike Pro", "fast"]),
                Line(brand: "Adidas", model: "Samba OG", basePrice: 100, features: ["sneakers", "gum sole", "suede overlays"]),
                Line(brand: "Adidas", model: "Stan Smith", basePrice: 100, features: ["sneakers", "leather", "timeless"]),
                Line(brand: "Puma", model: "Velocity Nitro 2 Running", basePrice: 120, features: ["running shoes", "NITRO foam", "PUMAGRIP"]),
                Line(brand: "Puma", model: "Suede Classic", basePrice: 75, features: ["sneakers", "suede upper", "street style"]),
                Line(brand: "Puma", model: "Deviate Nitro 2 Running", basePrice: 160, features: ["running shoes", "carbon plate", "race day"]),
                Line(brand: "New Balance", model: "Fresh Foam 1080v13 Running", basePrice: 165, features: ["running shoes", "plush cushioning", "Hypoknit upper"]),
                Line(brand: "New Balance", model: "574 Core", basePrice: 90, features: ["sneakers", "ENCAP midsole", "suede and mesh"]),
                Line(brand: "Asics", model: "Gel-Kayano 30 Running", basePrice: 160, features: ["running shoes", "stability", "4D guidance"]),
                Line(brand: "Asics", model: "Gel-Contend 8 Running", basePrice: 65, features: ["running shoes", "GEL cushioning", "budget"]),
                Line(brand: "Brooks", model: "Ghost 15 Running", basePrice: 140, features: ["running shoes", "DNA LOFT", "smooth transitions"]),
            ],
            variants: [("Men's", 1.0), ("Women's", 1.0)],
            sizes: shoeSizes, colors: ["black", "white", "grey", "blue", "red", "pink"]
        ),
        Category(
            name: "clothing", noun: "",
            lines: [
                Line(brand: "Nike", model: "Dri-FIT Running T-Shirt", basePrice: 35, features: ["sweat-wicking", "t-shirt", "lightweight"]),
                Line(brand: "Nike", model: "Club Fleece Hoodie", basePrice: 60, features: ["hoodie", "brushed fleece", "kangaroo pocket"]),
                Line(brand: "Nike", model: "Sportswear Club Joggers", basePrice: 55, features: ["joggers", "fleece", "tapered fit"]),
                Line(brand: "Adidas", model: "Essentials 3-Stripes T-Shirt", basePrice: 25, features: ["t-shirt", "cotton", "3-Stripes"]),
                Line(brand: "Adidas", model: "Tiro 23 Track Pants", basePrice: 50, features: ["track pants", "AEROREADY", "slim fit"]),
                Line(brand: "Adidas", model: "Adicolor Classics Hoodie", basePrice: 70, features: ["hoodie", "trefoil logo", "cotton blend"]),
                Line(brand: "Puma", model: "Essentials Logo T-Shirt", basePrice: 25, features: ["t-shirt", "cotton", "regular fit"]),
                Line(brand: "Puma", model: "Train Fav Running Jacket", basePrice: 65, features: ["jacket", "windproof", "reflective details"]),
                Line(brand: "Levi's", model: "501 Original Jeans", basePrice: 98, features: ["jeans", "straight leg", "button fly"]),
                Line(brand: "Levi's", model: "Trucker Jacket", basePrice: 98, features: ["denim jacket", "classic fit", "button front"]),
                Line(brand: "Uniqlo", model: "Supima Cotton T-Shirt", basePrice: 20, features: ["t-shirt", "Supima cotton", "crew neck"]),
                Line(brand: "Uniqlo", model: "Ultra Light Down Jacket", basePrice: 90, features: ["down jacket", "packable", "warm"]),
                Line(brand: "The North Face", model: "1996 Retro Nuptse Jacket", basePrice: 330, features: ["puffer jacket", "700-fill down", "water repellent"]),
                Line(brand: "The North Face", model: "Simple Dome T-Shirt", basePrice: 30, features: ["t-shirt", "cotton", "logo"]),
                Line(brand: "Patagonia", model: "Better Sweater Fleece Jacket", basePrice: 139, features: ["fleece jacket", "recycled polyester", "full zip"]),
            ],
            variants: [("Men's", 1.0), ("Women's", 1.0)],
            sizes: clothingSizes, colors: ["black", "white", "grey", "navy", "red", "green", "beige"]
        ),
        Category(
            name: "home & kitchen", noun: "",
            lines: [
                Line(brand: "Philips", model: "Airfryer XXL", basePrice: 249, features: ["air fryer", "fat removal", "7.3 L"]),
                Line(brand: "Philips", model: "3000 Series Kettle", basePrice: 45, features: ["kettle", "1.7 L", "fast boil"]),
                Line(brand: "Dyson", model: "V15 Detect Cordless Vacuum", basePrice: 749, features: ["vacuum", "laser dust detection", "60-minute run time"]),
                Line(brand: "Dyson", model: "V8 Cordless Vacuum", basePrice: 399, features: ["vacuum", "lightweight", "whole-machine filtration"]),
                Line(brand: "Dyson", model: "Purifier Cool TP07", basePrice: 569, features: ["air purifier", "fan", "HEPA filter"]),
                Line(brand: "KitchenAid", model: "Artisan Stand Mixer", basePrice: 449, features: ["stand mixer", "4.8 L bowl", "10 speeds"]),
                Line(brand: "KitchenAid", model: "5-Speed Blender", basePrice: 129, features: ["blender", "ice crushing", "1.4 L jar"]),
                Line(brand: "Nespresso", model: "Vertuo Next Coffee Machine", basePrice: 169, features: ["coffee machine", "centrifusion", "5 cup sizes"]),
                Line(brand: "Nespresso", model: "Essenza Mini Espresso Machine", basePrice: 119, features: ["espresso machine", "compact", "19 bar"]),
                Line(brand: "Breville", model: "Barista Express", basePrice: 699, features: ["espresso machine", "built-in grinder", "steam wand"]),
                Line(brand: "Ninja", model: "Foodi 6-in-1 Air Fryer", basePrice: 199, features: ["air fryer", "dual zone", "6 functions"]),
                Line(brand: "Ninja", model: "Professional Blender", basePrice: 99, features: ["blender", "1000 watts", "total crushing"]),
                Line(brand: "Instant Pot", model: "Duo 7-in-1 Pressure Cooker", basePrice: 99, features: ["pressure cooker", "slow cooker", "6 quart"]),
                Line(brand: "iRobot", model: "Roomba j7+", basePrice: 799, features: ["robot vacuum", "self-emptying", "obstacle avoidance"]),
                Line(brand: "iRobot", model: "Roomba 694", basePrice: 274, features: ["robot vacuum", "Wi-Fi", "auto-adjust cleaning"]),
                Line(brand: "Le Creuset", model: "Signature Dutch Oven 5.5 qt", basePrice: 420, features: ["cast iron", "dutch oven", "enamelled"]),
                Line(brand: "Samsung", model: "Bespoke Jet Stick Vacuum", basePrice: 599, features: ["vacuum", "all-in-one clean station", "cordless"]),
                Line(brand: "LG", model: "NeoChef Microwave", basePrice: 229, features: ["microwave", "smart inverter", "1.5 cu ft"]),
            ],
            variants: [("", 1.0)],
            sizes: [], colors: ["black", "white", "silver", "red"]
        ),
        Category(
            name: "accessories", noun: "",
            lines: [
                Line(brand: "Anker", model: "PowerCore 20000 Power Bank", basePrice: 49, features: ["power bank", "20000 mAh", "USB-C"]),
                Line(brand: "Anker", model: "Nano 65W USB-C Charger", basePrice: 45, features: ["charger", "GaN", "fast charging"]),
                Line(brand: "Anker", model: "USB-C to USB-C Cable 2m", basePrice: 15, features: ["cable", "100W", "braided"]),
                Line(brand: "Apple", model: "MagSafe Charger", basePrice: 39, features: ["wireless charger", "MagSafe", "iPhone"]),
                Line(brand: "Apple", model: "AirTag 4 Pack", basePrice: 99, features: ["tracker", "Find My", "precision finding"]),
                Line(brand: "Apple", model: "20W USB-C Power Adapter", basePrice: 19, features: ["charger", "fast charging", "iPhone"]),
                Line(brand: "Samsung", model: "45W Super Fast Charger", basePrice: 49, features: ["charger", "USB-C", "Galaxy"]),
                Line(brand: "Samsung", model: "Galaxy S24 Silicone Case", basePrice: 29, features: ["phone case", "silicone", "Galaxy S24"]),
                Line(brand: "Logitech", model: "MX Master 3S Mouse", basePrice: 99, features: ["wireless mouse", "quiet clicks", "8K DPI"]),
                Line(brand: "Logitech", model: "MX Keys S Keyboard", basePrice: 109, features: ["wireless keyboard", "backlit", "multi-device"]),
                Line(brand: "Logitech", model: "C920 HD Pro Webcam", basePrice: 69, features: ["webcam", "1080p", "stereo audio"]),
                Line(brand: "Belkin", model: "BoostCharge Pro 3-in-1 Wireless Charger", basePrice: 149, features: ["wireless charger", "MagSafe", "iPhone, Watch, AirPods"]),
                Line(brand: "SanDisk", model: "Extreme 256GB microSD Card", basePrice: 35, features: ["memory card", "190 MB/s", "A2"]),
                Line(brand: "SanDisk", model: "Extreme Portable SSD 1TB", basePrice: 119, features: ["portable SSD", "1050 MB/s", "rugged"]),
                Line(brand: "OtterBox", model: "Defender Case for iPhone 15", basePrice: 59, features: ["phone case", "rugged", "iPhone 15"]),
                Line(brand: "Spigen", model: "Ultra Hybrid Case for iPhone 15 Pro", basePrice: 19, features: ["phone case", "clear", "iPhone 15 Pro"]),
                Line(brand: "Dell", model: "USB-C Docking Station WD19S", basePrice: 189, features: ["docking station", "laptop", "dual display"]),
                Line(brand: "HP", model: "Laptop Backpack 15.6", basePrice: 49, features: ["laptop bag", "water resistant", "padded"]),
                Line(brand: "Sony", model: "HT-S400 Soundbar", basePrice: 279, features: ["soundbar", "TV audio", "wireless subwoofer"]),
                Line(brand: "Samsung", model: "HW-Q600C Soundbar", basePrice: 399, features: ["soundbar", "Dolby Atmos", "TV audio"]),
                Line(brand: "Sanus", model: "Full-Motion TV Wall Mount", basePrice: 129, features: ["TV wall mount", "42-90 inch", "tilt and swivel"]),
            ],
            variants: [("", 1.0)],
            sizes: [], colors: ["black", "white", "grey"]
        ),
        Category(
            name: "smartwatches", noun: "Smartwatch",
            lines: [
                Line(brand: "Apple", model: "Watch Series 9", basePrice: 399, features: ["double tap", "always-on Retina", "health sensors"]),
                Line(brand: "Apple", model: "Watch SE", basePrice: 249, features: ["crash detection", "heart rate", "swimproof"]),
                Line(brand: "Apple", model: "Watch Ultra 2", basePrice: 799, features: ["titanium", "precision GPS", "36-hour battery"]),
                Line(brand: "Samsung", model: "Galaxy Watch6", basePrice: 299, features: ["sleep coaching", "body composition", "Wear OS"]),
                Line(brand: "Samsung", model: "Galaxy Watch6 Classic", basePrice: 399, features: ["rotating bezel", "stainless steel", "Wear OS"]),
                Line(brand: "Garmin", model: "Forerunner 265", basePrice: 449, features: ["running watch", "AMOLED", "training readiness"]),
                Line(brand: "Garmin", model: "Venu 3", basePrice: 449, features: ["health monitoring", "AMOLED", "14-day battery"]),
                Line(brand: "Fitbit", model: "Charge 6", basePrice: 159, features: ["fitness tracker", "built-in GPS", "heart rate"]),
                Line(brand: "Fitbit", model: "Versa 4", basePrice: 199, features: ["fitness smartwatch", "6-day battery", "GPS"]),
            ],
            variants: [("41mm", 1.0), ("45mm", 1.08)],
            sizes: [], colors: ["black", "silver", "pink", "blue", "green"]
        ),
        Category(
            name: "tablets", noun: "Tablet",
            lines: [
                Line(brand: "Apple", model: "iPad 10th Gen", basePrice: 449, features: ["10.9-inch Liquid Retina", "A14 Bionic", "USB-C"]),
                Line(brand: "Apple", model: "iPad Air M2", basePrice: 599, features: ["M2 chip", "Apple Pencil Pro", "11-inch"]),
                Line(brand: "Apple", model: "iPad Pro 11 M4", basePrice: 999, features: ["Ultra Retina XDR", "M4 chip", "thin"]),
                Line(brand: "Apple", model: "iPad mini", basePrice: 499, features: ["8.3-inch", "A15 Bionic", "portable"]),
                Line(brand: "Samsung", model: "Galaxy Tab S9", basePrice: 799, features: ["Dynamic AMOLED", "S Pen included", "IP68"]),
                Line(brand: "Samsung", model: "Galaxy Tab A9+", basePrice: 219, features: ["11-inch", "quad speakers", "budget"]),
                Line(brand: "Lenovo", model: "Tab P12", basePrice: 349, features: ["12.7-inch 3K", "pen included", "JBL speakers"]),
                Line(brand: "Amazon", model: "Fire HD 10", basePrice: 139, features: ["10.1-inch", "Alexa", "12-hour battery"]),
            ],
            variants: [("64GB", 1.0), ("256GB", 1.25)],
            sizes: [], colors: ["silver", "grey", "blue", "pink"]
        ),
        Category(
            name: "gaming", noun: "",
            lines: [
                Line(brand: "Sony", model: "PlayStation 5 Slim Console", basePrice: 499, features: ["console", "1TB SSD", "4K gaming"]),
                Line(brand: "Sony", model: "PlayStation 5 Digital Edition", basePrice: 449, features: ["console", "digital only", "ray tracing"]),
                Line(brand: "Sony", model: "DualSense Wireless Controller", basePrice: 69, features: ["controller", "haptic feedback", "adaptive triggers"]),
                Line(brand: "Microsoft", model: "Xbox Series X", basePrice: 499, features: ["console", "12 teraflops", "1TB"]),
                Line(brand: "Microsoft", model: "Xbox Series S", basePrice: 299, features: ["console", "compact", "all digital"]),
                Line(brand: "Microsoft", model: "Xbox Wireless Controller", basePrice: 59, features: ["controller", "Bluetooth", "textured grip"]),
                Line(brand: "Nintendo", model: "Switch OLED", basePrice: 349, features: ["console", "7-inch OLED", "handheld and TV"]),
                Line(brand: "Nintendo", model: "Switch Lite", basePrice: 199, features: ["handheld console", "lightweight", "portable"]),
                Line(brand: "Nintendo", model: "Switch Pro Controller", basePrice: 69, features: ["controller", "HD rumble", "amiibo"]),
                Line(brand: "Razer", model: "BlackShark V2 Gaming Headset", basePrice: 99, features: ["gaming headset", "THX spatial audio", "detachable mic"]),
                Line(brand: "Razer", model: "DeathAdder V3 Gaming Mouse", basePrice: 89, features: ["gaming mouse", "ultra-light", "30K sensor"]),
                Line(brand: "Logitech", model: "G Pro X Gaming Keyboard", basePrice: 129, features: ["gaming keyboard", "hot-swappable switches", "tenkeyless"]),
            ],
            variants: [("", 1.0)],
            sizes: [], colors: ["black", "white"]
        ),
    ]
}
