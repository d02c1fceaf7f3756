"""Specs by family and shape, tried on names and phrasings the rules' own examples do not
hold: part families (chipsets, GPUs, systems), every value form, plans, vehicles, colours,
networks — and what is no spec. All sentences and products are made up."""

import pytest

from newsfacts.components.specs import find_specs


def specs(text):
    return [(s["name"], s["value"], s["unit"]) for s in find_specs(text)]


def named(text, name):
    return [s["value"] for s in find_specs(text) if s["name"] == name]


UNSEEN_CHIPSETS = [
    ("The Vexo 9 runs on a Snapdragon 8 Gen 5.", "Snapdragon 8 Gen 5"),
    ("It uses the Snapdragon 6s Gen 4 chip.", "Snapdragon 6s Gen 4"),
    ("A Qualcomm Snapdragon octa-core processor powers it.", "Snapdragon"),
    ("It gets the MediaTek Dimensity 9500 chipset.", "MediaTek Dimensity 9500"),
    ("The budget model has a Helio G92 Ultra.", "MediaTek Helio G92 Ultra"),
    ("Inside is a MediaTek MT6762 processor.", "MediaTek MT6762"),
    ("An Exynos 2600 drives the European units.", "Exynos 2600"),
    ("It has HiSilicon's Kirin 9100 chip.", "Kirin 9100"),
    ("Google's Tensor G6 is on board.", "Tensor G6"),
    ("The tablet uses Apple's M6 Pro.", "Apple M6 Pro"),
    ("The A21 Bionic is faster.", "A21 Bionic"),
    ("A Unisoc T820 runs the show.", "Unisoc T820"),
    ("The TV box uses a Rockchip RK3688.", "Rockchip RK3688"),
    ("It uses the Amlogic S928X.", "Amlogic S928X"),
    ("The console runs on NVIDIA Tegra X2.", "NVIDIA Tegra X2"),
    ("The laptop has an Intel Core Ultra 9 385H.", "Intel Core Ultra 9 385H"),
    ("Pick a Core i9 or a Core i5 variant.", "Core i9"),
    ("It packs a mainstream i5 processor.", "i5"),
    ("The notebook runs on AMD Ryzen 9 8945HS.", "AMD Ryzen 9 8945HS"),
]


@pytest.mark.parametrize("text, chipset", UNSEEN_CHIPSETS, ids=[c[1] for c in UNSEEN_CHIPSETS])
def test_chipset_families_know_names_they_have_not_seen(text, chipset):
    assert chipset in named(text, "chipset")


UNSEEN_GPUS = [
    ("Graphics come from an Adreno 830 GPU.", "Adreno 830"),
    ("It pairs the chip with a Mali-G615 MC6.", "Mali-G615 MC6"),
    ("An ARM Mali 880 handles games.", "ARM Mali 880"),
    ("The old tablet has a PowerVR SGX544 unit.", "PowerVR SGX544"),
    ("The Exynos pairs with an Xclipse 960.", "Xclipse 960"),
]


@pytest.mark.parametrize("text, gpu", UNSEEN_GPUS, ids=[c[1] for c in UNSEEN_GPUS])
def test_gpu_families_know_names_they_have_not_seen(text, gpu):
    assert named(text, "gpu") == [gpu]


SYSTEMS = [
    ("The phone ships with Android 16.", "Android 16"),
    ("It runs the Android Oreo OS.", "Android Oreo"),
    ("It runs Android 8.1 Oreo out of the box.", "Android 8.1 Oreo"),
    ("The tablet runs the Android platform.", "Android"),
    ("The Loom TVs are Android 12-based.", "Android 12"),
    ("The watch runs Wear OS 5.", "Wear OS 5"),
    ("It boots One UI 8.", "One UI 8"),
    ("It runs HarmonyOS 5.0.", "HarmonyOS 5.0"),
    ("The feature phone runs KaiOS.", "KaiOS"),
    ("The set runs the Quillon operating system.", "Quillon"),
    ("The TV uses the Vexa OS launcher.", "Vexa"),
]


@pytest.mark.parametrize("text, system", SYSTEMS, ids=[c[1] for c in SYSTEMS])
def test_operating_systems_with_or_without_a_version(text, system):
    assert named(text, "os") == [system]


def test_android_updates_are_no_os_spec():
    assert named("The maker promises four years of Android OS updates.", "os") == []


VALUE_FORMS = [
    ("a 108-megapixel main sensor", [("rear_camera", 108, "MP")]),
    ("a 13 mega pixel camera", [("rear_camera", 13, "MP")]),
    ("the 6GB-RAM variant", [("ram", 6, "GB")]),
    ("It has 32 GB internal memory.", [("storage", 32, "GB")]),
    ("It offers 64 gigabytes of internal memory.", [("storage", 64, "GB")]),
    ("an onboard memory of 512GB", [("storage", 512, "GB")]),
    ("The 64GB model costs $399.", [("storage", 64, "GB")]),
    ("the 128 GB Wi-Fi version", [("storage", 128, "GB")]),
    ("the Vexo 9 (8/256GB)", [("ram", 8, "GB"), ("storage", 256, "GB")]),
    ("It comes in 4/6 GB options.", [("ram", 4, "GB"), ("ram", 6, "GB")]),
    ("It is 8.4 mm thick.", [("thickness", 8.4, "mm")]),
    ("It weighs 1.3 Kgs.", [("weight", 1.3, "kg")]),
    ("a Quad HD panel", [("resolution", "Quad HD", None)]),
    ("a 1600 x 720 display", [("resolution", "1600 x 720", None)]),
    ("a 2,560 x 1,600p screen", [("resolution", "2,560 x 1,600", None)]),
    ("a Super AMOLED-based display", [("display_type", "Super AMOLED", None)]),
    ("It has two USB 3.0 ports.", [("port", "USB 3.0", None)]),
    ("There is a headphone/mic combo jack.", [("headphone_jack", "headphone/mic combo jack", None)]),
    ("The 41 mm case is new.", [("display_size", 41, "mm")]),
]


@pytest.mark.parametrize("text, expected", VALUE_FORMS, ids=[c[0] for c in VALUE_FORMS])
def test_every_value_form(text, expected):
    assert specs(text) == expected


PLANS = [
    ("The pack comes with a 90-day validity.", [("validity", 90, "days")]),
    ("Validity was cut to 60 days from the earlier 75.", [("validity", 60, "days")]),
    ("The plan now has a validity period of 56 days.", [("validity", 56, "days")]),
    ("The operator launched its 30 days prepaid plan.", [("validity", 30, "days")]),
    ("It gives 1.5GB per day.", [("data_per_day", 1.5, "GB")]),
    ("users consuming 2GBs of high speed data in a day", [("data_per_day", 2, "GB")]),
    ("The data limit was raised to 5 GB.", [("data", 5, "GB")]),
    ("The pack gives 300MB data.", [("data", 300, "MB")]),
    ("It adds 50 GB for 2 months.", [("data", 50, "GB"), ("validity", 2, "months")]),
    ("Subscribers get unlimited data for a month.", [("validity", 1, "months")]),
]


@pytest.mark.parametrize("text, expected", PLANS, ids=[c[0] for c in PLANS])
def test_telecom_plans(text, expected):
    assert specs(text) == expected


def test_an_offer_valid_for_some_days_is_no_plan_validity():
    assert named("The launch offers will be valid for the first 10 days of sale.", "validity") == []


VEHICLES = [
    ("It offers a 420-km range.", [("range", 420, "km")]),
    ("It has a range of 310 miles.", [("range", 310, "miles")]),
    ("Its range is 95 kilometres.", [("range", 95, "km")]),
    ("a top speed of 180 km per hour", [("top_speed", 180, "km/h")]),
    ("the highest speed is 90 kmph", [("top_speed", 90, "km/h")]),
    ("It does 0-100 km per hour in 6.1 seconds.", [("acceleration_0_100", 6.1, "s")]),
    ("It sprints from 0-62 mph in 3.9 seconds.", [("acceleration_0_100", 3.9, "s")]),
    ("It makes 3.1 kgm of torque.", [("torque", 3.1, "kgm")]),
    ("The scooter has a 124.8cc engine.", [("engine_displacement", 124.8, "cc")]),
    ("It gets a 1.5-litre petrol engine.", [("engine_displacement", 1.5, "litre")]),
    ("It has a 3.4kWh battery pack.", [("battery", 3.4, "kWh")]),
]


@pytest.mark.parametrize("text, expected", VEHICLES, ids=[c[0] for c in VEHICLES])
def test_vehicles(text, expected):
    assert specs(text) == expected


NETWORKS = [
    ("The Zeta phone offers 4G connectivity.", ["4G"]),
    ("It includes 4G VoLTE support.", ["4G VoLTE"]),
    ("The tablet supports 5G.", ["5G"]),
    ("one with GPS+Cellular connectivity", ["GPS+Cellular"]),
    ("The Wi-Fi plus 3G version came later.", ["3G"]),
    ("The handset uses CDMA network technology.", ["CDMA"]),
]


@pytest.mark.parametrize("text, expected", NETWORKS, ids=[c[0] for c in NETWORKS])
def test_networks(text, expected):
    assert named(text, "network") == expected


NOT_NETWORKS = [
    "The Galaxy Zeta 5G launched today.",
    "The carrier is building its GSM network rollout.",
    "The country is yet to support 3G services.",
    "Operators invest in LTE networks.",
]


@pytest.mark.parametrize("text", NOT_NETWORKS)
def test_carrier_talk_and_names_are_no_network_spec(text):
    assert named(text, "network") == []


COLOURS = [
    ("It comes in teal, cream and black.", ["teal", "cream", "black"]),
    ("The phones will be available in white or grey.", ["white", "grey"]),
    ("It ships in frost silver, sage green, and ink black colours.", ["frost silver", "sage green", "ink black"]),
    ("in Dune Gold and Storm Grey colour options", ["Dune Gold", "Storm Grey"]),
    ("The maker also launched the blue variant.", ["blue"]),
]


@pytest.mark.parametrize("text, expected", COLOURS, ids=[c[0] for c in COLOURS])
def test_colours_in_any_case(text, expected):
    assert named(text, "colour") == expected


NOT_COLOURS = [
    "The Pro and Max models sell well.",
    "It comes in three variants.",
]


@pytest.mark.parametrize("text", NOT_COLOURS)
def test_model_names_are_no_colours(text):
    assert named(text, "colour") == []


OTHER_PARTS = [
    "The GPU also supports 8K output.",
    "The webcam records 720p video.",
    "The camera supports a 1080p HD resolution.",
    "It drives 4K on an external monitor.",
]


@pytest.mark.parametrize("text", OTHER_PARTS)
def test_a_resolution_of_another_part_is_no_display_spec(text):
    assert named(text, "resolution") == []


def test_a_quad_core_gpu_has_no_cpu_cores():
    found = specs("It has a quad-core GPU and an octa-core CPU.")
    assert ("cpu_cores", 4, "cores") not in found and ("cpu_cores", 8, "cores") in found


def test_a_screens_megapixels_are_no_camera():
    assert [s for s in specs("a 0.9 megapixel display (1280 x 720)") if s[0].endswith("camera")] == []
    assert ("rear_camera", 50, "MP") in specs("a 120Hz OLED display and a 50MP main camera")


def test_specs_inside_a_related_link_are_left_out():
    assert specs("The TV is out. Also Read - Best 108MP camera phones under Rs 20,000") == []


BATTERY_LIFE = [
    ("a battery life of 9 to 11 hours", "9 to 11 hours"),
    ("the 6-8 hour battery life", "6-8 hour"),
]


@pytest.mark.parametrize("text, value", BATTERY_LIFE, ids=[c[0] for c in BATTERY_LIFE])
def test_battery_life_ranges_are_read_as_written(text, value):
    assert named(text, "battery_life") == [value]


FAST_CHARGING = [
    ("The car can be fast charged to 80% in 40 minutes.", ["fast charging"]),
    ("It has a fast-charging capability.", ["fast charging"]),
    ("It supports 45W fast charging.", [45]),
    ("The maker runs a fast-charging network.", []),
]


@pytest.mark.parametrize("text, expected", FAST_CHARGING, ids=[c[0] for c in FAST_CHARGING])
def test_fast_charging_without_a_wattage(text, expected):
    assert named(text, "charging") == expected


NAME_TOKENS = [
    "The Kiro Box 4K and the Kiro Stick sold out.",
    "Sales of the Lumo Stick 4K doubled.",
    "The Zeta 3 Core was the entry model.",
    "The brand now targets the smart Google TV category.",
]


@pytest.mark.parametrize("text", NAME_TOKENS)
def test_spec_like_tokens_inside_product_names_are_no_specs(text):
    assert specs(text) == []

