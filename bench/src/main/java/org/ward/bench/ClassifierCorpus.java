package org.ward.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;

/**
 * A generated, labelled corpus of file paths for judging the classifier: recordings of every kind in the shapes clinics
 * store them (folders by month and clinician, identifiers written several ways, generic names in clinical or approved
 * places, Teams recordings, call and CCTV exports, every common audio format) and decoys that look like them
 * (device timestamps, phone numbers, invoice and order numbers, staff training, webinars and marketing media, holiday
 * photos, ordinary documents naming a patient). Seedable: the same seed gives the same corpus. Each sample's label
 * is the kind a compliance officer would give it, or null for "not a patient recording".
 */
final class ClassifierCorpus {

    /**
     * One labelled file.
     *
     * @param pack the built-in pack it is judged by
     * @param shape the generator's name for how it was made, for the per-shape error list
     * @param expected the recording kind it is, null when it is none
     */
    record Sample(String pack, String shape, ItemRecord item, LocationContext location, String expected) {
    }

    static final List<String> PACKS = List.of("nhs-england", "hipaa", "au-privacy");

    private static final Instant CREATED = Instant.parse("2026-10-01T09:00:00Z");
    private static final MediaFacets VIDEO = new MediaFacets(false, true, false, false, 900_000L);
    private static final MediaFacets AUDIO = new MediaFacets(true, false, false, false, 300_000L);
    private static final MediaFacets PHOTO = new MediaFacets(false, false, true, true, null);
    private static final String[] VIDEO_EXT = {"mp4", "mov", "m4v", "webm", "avi", "wmv", "mkv", "3gp"};
    private static final String[] AUDIO_EXT = {"wav", "m4a", "mp3", "aac", "ogg", "flac", "wma", "amr", "opus"};
    private static final String[] PHOTO_EXT = {"jpg", "jpeg", "png", "heic", "tif"};
    private static final String[] PEOPLE = {"Dr Patel", "Dr Okafor", "J Smith", "A Nowak", "S Chen", "M Garcia", "R Jones",
        "L Walsh", "K Brown", "T Nguyen"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private final Random random;
    private int counter;

    ClassifierCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** At least {@code perPack} samples for each of the three packs, recordings and decoys about half and half. */
    List<Sample> generate(int perPack) {
        List<Sample> out = new ArrayList<>();
        for (String pack : PACKS) {
            Words words = Words.of(pack);
            int start = out.size();
            while (out.size() - start < perPack) {
                out.add(recording(pack, words));
                out.add(decoy(pack, words));
            }
        }
        return out;
    }

    // ---- recordings ----------------------------------------------------------------------------------------------

    private Sample recording(String pack, Words w) {
        return switch (random.nextInt(13)) {
            case 0 -> {
                String ext = pick(VIDEO_EXT);
                String folder = "/" + pick(w.consultationPlaces) + "/" + month() + "/" + pick(PEOPLE);
                yield sample(pack, "consultation video in a clinical folder", folder + "/" + w.patientName(this) + "." + ext,
                        "video/" + ext, maybe(VIDEO), site(pick(w.ordinarySites)), "consultation-video");
            }
            case 1 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "consultation video in a clinical site, generic name", "/" + pick(new String[] {"Shared",
                    "Uploads", "Video", "2026"}) + "/" + pick(new String[] {"clip", "video", "recording", "VID"}) + " "
                        + (1 + random.nextInt(300)) + "." + ext, "video/" + ext, maybe(VIDEO), site(pick(w.clinicalSites)),
                        "consultation-video");
            }
            case 2 -> {
                String ext = pick(AUDIO_EXT);
                yield sample(pack, "dictation or consultation audio (" + ext + ")", "/" + pick(w.audioPlaces) + "/"
                        + pick(PEOPLE) + "/" + date() + " " + w.patientName(this) + "." + ext, audioMime(ext), maybe(AUDIO),
                        site(pick(w.ordinarySites)), "consultation-audio");
            }
            case 3 -> {
                String ext = pick(AUDIO_EXT);
                yield sample(pack, "audio in a clinical site (" + ext + ")", "/Shared/" + pick(new String[] {"note",
                    "recording", "memo", "audio"}) + " " + (1 + random.nextInt(90)) + "." + ext, audioMime(ext),
                        random.nextBoolean() ? AUDIO : MediaFacets.NONE, site(pick(w.clinicalSites)), "consultation-audio");
            }
            case 4 -> {
                String ext = pick(PHOTO_EXT);
                yield sample(pack, "clinical photo", "/" + pick(w.photoPlaces) + "/" + w.patientName(this) + "/"
                        + pick(new String[] {"IMG_", "DSC", "photo ", "image "}) + (1000 + random.nextInt(9000)) + "." + ext,
                        "image/" + ("jpg".equals(ext) ? "jpeg" : ext), maybe(PHOTO), site(pick(w.ordinarySites)),
                        "clinical-photo");
            }
            case 5 -> sample(pack, "DICOM image", "/Imaging/" + (100000 + random.nextInt(900000)) + ".dcm", "application/dicom",
                    MediaFacets.NONE, site(pick(w.ordinarySites)), "clinical-photo");
            case 6 -> sample(pack, "Teams meeting recording in a OneDrive", "/Recordings/" + pick(new String[] {"MDT",
                "Clinic huddle", "Case review", "Ward round", "Handover"}) + "-" + compactDate() + "_" + (10 + random.nextInt(8))
                    + "0000-Meeting Recording.mp4", "video/mp4", maybe(VIDEO), oneDrive(), "teams-meeting-recording");
            case 7 -> {
                String ext = pick(new String[] {"wav", "mp3", "gsm", "wma"});
                yield sample(pack, "call recording export", "/" + pick(w.callPlaces) + "/" + month() + "/" + w.phone(this)
                        + "_" + compactDate() + "_" + (100000 + random.nextInt(800000)) + "." + ext, audioMime(ext),
                        maybe(AUDIO), site(pick(new String[] {"Reception", "Practice Operations", "Patient Services"})),
                        "call-recording");
            }
            case 8 -> {
                String ext = pick(new String[] {"mp4", "avi", "mkv", "dav"});
                yield sample(pack, "CCTV export", "/" + pick(new String[] {"CCTV", "CCTV Exports", "Security Camera footage",
                    "NVR exports"}) + "/" + pick(new String[] {"cam1_", "cam2_", "Reception_ch01_", "Car park_ch03_"})
                        + compactDate() + "." + ext, "dav".equals(ext) ? "application/octet-stream" : "video/" + ext,
                        maybe(VIDEO), site(pick(new String[] {"Estates", "Facilities", "Practice Operations"})), "cctv");
            }
            case 9 -> {
                boolean audio = random.nextBoolean();
                String ext = audio ? pick(AUDIO_EXT) : pick(VIDEO_EXT);
                yield sample(pack, "research interview", "/" + pick(w.researchPlaces) + "/" + pick(new String[] {"Study 12",
                    "ACORN trial", "Wave 2", "Pilot"}) + "/" + pick(new String[] {"Participant P", "Participant ", "P"})
                        + (10 + random.nextInt(90)) + " " + pick(new String[] {"interview", "session 1", "follow-up"}) + "." + ext,
                        audio ? audioMime(ext) : "video/" + ext, audio ? maybe(AUDIO) : maybe(VIDEO),
                        site(pick(new String[] {"Research Office", "R&D"})), "research-interview");
            }
            case 10 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "student assessment", "/" + pick(w.assessmentPlaces) + "/" + pick(new String[] {"Station ",
                    "Cohort ", "Group "}) + (1 + random.nextInt(12)) + "/" + pick(PEOPLE) + "." + ext, "video/" + ext,
                        maybe(VIDEO), site(pick(new String[] {"Education", "Medical School"})), "student-assessment");
            }
            case 11 -> {
                String ext = pick(VIDEO_EXT);
                String id = w.identifier(this, true);
                yield sample(pack, "video named with an identifier and its label", "/Shared/" + w.idLabel(this) + " " + id
                        + " " + date() + "." + ext, "video/" + ext, maybe(VIDEO), site(pick(w.ordinarySites)),
                        "consultation-video");
            }
            default -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "video in an approved location, generic name", "/" + pick(new String[] {"Uploads",
                    "Incoming", "2026"}) + "/" + (1 + random.nextInt(9999)) + "." + ext, "video/" + ext, maybe(VIDEO),
                        approved("consultation-video"), "consultation-video");
            }
        };
    }

    // ---- decoys --------------------------------------------------------------------------------------------------

    private Sample decoy(String pack, Words w) {
        return switch (random.nextInt(12)) {
            case 0 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "phone video named by its device timestamp", "/" + pick(new String[] {"Camera Roll",
                    "Pictures/Camera Roll", "Videos"}) + "/" + pick(new String[] {"VID_", "PXL_", ""}) + compactDate() + "_"
                        + String.format(Locale.ROOT, "%06d", random.nextInt(235959)) + "." + ext, "video/" + ext, maybe(VIDEO),
                        oneDrive(), null);
            }
            case 1 -> {
                String ext = pick(PHOTO_EXT);
                yield sample(pack, "holiday or event photo", "/Pictures/" + pick(new String[] {"Holiday 2026", "Christmas party",
                    "Summer BBQ", "Charity run"}) + "/IMG_" + compactDate() + "_" + (100000 + random.nextInt(800000)) + "." + ext,
                        "image/" + ("jpg".equals(ext) ? "jpeg" : ext), maybe(PHOTO), oneDrive(), null);
            }
            case 2 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "staff training video", "/" + pick(new String[] {"Staff Training", "Mandatory Training",
                    "Induction", "E-learning"}) + "/" + pick(new String[] {"Fire safety", "Information governance",
                    "Hand hygiene", "Clinic systems walkthrough", "Safeguarding"}) + " " + (2024 + random.nextInt(3)) + "."
                        + ext, "video/" + ext, maybe(VIDEO), site(pick(new String[] {"Learning and Development", "HR"})), null);
            }
            case 3 -> {
                String ext = pick(VIDEO_EXT);
                // One generic clinical word ("clinic", "consultation", "telehealth") must not outweigh the training or
                // publicity context.
                yield sample(pack, "webinar or all-hands with a clinical word", "/" + pick(new String[] {"Webinars",
                    "All Hands", "Town Hall", "Staff Briefing", "Staff Training"}) + "/" + pick(MONTHS) + " "
                        + pick(new String[] {"update", "clinic news", "consultation skills", "telehealth Q&A",
                            "dictation tips"}) + "." + ext, "video/" + ext, maybe(VIDEO),
                        site(pick(new String[] {"Communications", "Intranet"})), null);
            }
            case 4 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "marketing video", "/" + pick(new String[] {"Marketing", "Social Media", "Promo",
                    "Fundraising"}) + "/" + pick(new String[] {"New clinic open day", "Practice tour", "Meet the team",
                    "Flu jab advert"}) + "." + ext, "video/" + ext, maybe(VIDEO), site(pick(new String[] {"Communications",
                    "Marketing"})), null);
            }
            case 5 -> sample(pack, "invoice or order naming a number", "/" + pick(new String[] {"Finance/Invoices",
                "Purchasing/Orders", "Suppliers"}) + "/" + pick(new String[] {"Invoice ", "Order No ", "PO ", "Inv-"})
                    + w.checksumNumber(this) + "." + pick(new String[] {"pdf", "xlsx", "docx"}), "application/pdf",
                    MediaFacets.NONE, site("Finance"), null);
            case 6 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "video named with an order number", "/Deliveries/" + pick(new String[] {"Order ",
                    "Order No ", "Tracking "}) + w.checksumNumber(this) + " unboxing." + ext, "video/" + ext, maybe(VIDEO),
                        site("Purchasing"), null);
            }
            case 7 -> sample(pack, "document naming a patient", "/" + pick(w.consultationPlaces) + "/" + pick(new String[] {
                "Referral letter ", "Discharge summary ", "Consent form ", "Clinic letter "}) + w.idLabel(this) + " "
                    + w.identifier(this, true) + "." + pick(new String[] {"pdf", "docx"}), "application/pdf", MediaFacets.NONE,
                    site(pick(w.clinicalSites)), null);
            case 8 -> {
                String ext = pick(AUDIO_EXT);
                yield sample(pack, "music or podcast", "/" + pick(new String[] {"Music", "Podcasts", "Hold music"}) + "/"
                        + pick(new String[] {"track ", "episode ", "loop "}) + (1 + random.nextInt(40)) + "." + ext,
                        audioMime(ext), maybe(AUDIO), oneDrive(), null);
            }
            case 9 -> {
                String ext = pick(VIDEO_EXT);
                yield sample(pack, "video with a phone number in its name", "/Videos/" + pick(new String[] {"Removal men ",
                    "Plumber quote ", "Car dealer "}) + w.phone(this) + "." + ext, "video/" + ext, maybe(VIDEO), oneDrive(), null);
            }
            case 10 -> {
                String ext = pick(PHOTO_EXT);
                yield sample(pack, "site or estates photo", "/" + pick(new String[] {"Estates/Building works", "Facilities/Signage",
                    "Newsletter/Images"}) + "/" + pick(new String[] {"DSC", "IMG_", "photo "}) + (1000 + random.nextInt(9000))
                        + "." + ext, "image/" + ("jpg".equals(ext) ? "jpeg" : ext), maybe(PHOTO),
                        site(pick(new String[] {"Estates", "Communications"})), null);
            }
            default -> sample(pack, "spreadsheet of appointments", "/" + pick(new String[] {"Reports", "Admin"}) + "/"
                    + pick(new String[] {"Appointments ", "Waiting list ", "Audit "}) + date() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaFacets.NONE,
                    site(pick(new String[] {"Practice Operations", "Performance"})), null);
        };
    }

    // ---- pieces --------------------------------------------------------------------------------------------------

    private Sample sample(String pack, String shape, String path, String mime, MediaFacets media, LocationContext location,
            String expected) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        ItemRecord item = new ItemRecord("drive-1", "item-" + (++counter), "folder-1", name, path, false, mime, 2_000_000L,
                CREATED, CREATED, null, null, "qx-" + counter, null, media, null, null, Map.of());
        return new Sample(pack, shape, item, location, expected);
    }

    /** The facet when Graph gives one (often it does not: uploads from browsers, older files). */
    private MediaFacets maybe(MediaFacets facet) {
        return random.nextInt(3) == 0 ? MediaFacets.NONE : facet;
    }

    private static String audioMime(String ext) {
        return switch (ext) {
            case "mp3" -> "audio/mpeg";
            case "m4a" -> "audio/mp4";
            case "wav" -> "audio/wav";
            case "wma" -> "audio/x-ms-wma";
            case "amr" -> "audio/amr";
            // SharePoint gives no audio type for these: Ward reads the extension.
            default -> "application/octet-stream";
        };
    }

    private static LocationContext site(String name) {
        String url = "https://clinic.sharepoint.com/sites/" + name.replaceAll("[^A-Za-z0-9]", "");
        return new LocationContext(LocationKind.SHAREPOINT_SITE, url, name, "Documents", false, Set.of());
    }

    private static LocationContext approved(String kind) {
        return new LocationContext(LocationKind.SHAREPOINT_SITE, "https://clinic.sharepoint.com/sites/Records", "Records",
                "Documents", true, Set.of(kind));
    }

    private static LocationContext oneDrive() {
        return new LocationContext(LocationKind.ONEDRIVE, "https://clinic-my.sharepoint.com/personal/jo_clinic_org",
                "Jo Bloggs", "Documents", false, Set.of());
    }

    String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String month() {
        return pick(new String[] {"2026-0", "2025-1"}) + (1 + random.nextInt(9));
    }

    private String date() {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
        return day.toString();
    }

    private String compactDate() {
        return date().replace("-", "");
    }

    /** Each pack's words: the places and identifiers people in its country use. */
    private record Words(String pack, String[] consultationPlaces, String[] audioPlaces, String[] photoPlaces,
            String[] callPlaces, String[] researchPlaces, String[] assessmentPlaces, String[] clinicalSites,
            String[] ordinarySites) {

        static Words of(String pack) {
            String[] assessment = {"OSCE", "Student Assessments", "Assessments"};
            String[] research = {"Research Interviews", "Research", "Focus Groups"};
            String[] photos = {"Clinical Photography", "Wound Care", "Dermatology", "Clinical Images", "Patient Photos"};
            return switch (pack) {
                case "hipaa" -> new Words(pack, new String[] {"Telehealth Visits", "Virtual Visits", "Encounters",
                    "Patient Recordings", "Consultations"}, new String[] {"Dictations", "Dictation", "Transcription"}, photos,
                        new String[] {"Call Recordings", "Nurse Line", "Call Center"}, research, assessment,
                        new String[] {"Telehealth", "Telemedicine Clinic", "Patient Recordings"},
                        new String[] {"Family Medicine", "Main Campus", "Cardiology Dept"});
                default -> new Words(pack, new String[] {"Video Consultations", "Consultations", "Telehealth",
                    "Patient Recordings", "Clinical Recordings"}, new String[] {"Dictations", "Dictation",
                    "Telephone Consultations"}, photos, new String[] {"Call Recordings", "Telephony", "Switchboard"}, research,
                        assessment, new String[] {"Clinical Recordings", "Physio Video Clinic", "Telehealth"},
                        new String[] {"Physiotherapy", "Practice Shared", "Community Team"});
            };
        }

        /** A file name naming a patient: initials and an identifier written one of the ways people write them. */
        String patientName(ClassifierCorpus c) {
            String initials = "" + (char) ('A' + c.nextInt(26)) + (char) ('A' + c.nextInt(26));
            return switch (c.nextInt(3)) {
                case 0 -> initials;
                case 1 -> initials + " " + identifier(c, c.nextInt(2) == 0);
                default -> idLabel(c) + " " + identifier(c, true);
            };
        }

        String idLabel(ClassifierCorpus c) {
            return switch (pack) {
                case "hipaa" -> c.pick(new String[] {"MRN", "MRN", "Patient ID"});
                case "au-privacy" -> c.pick(new String[] {"Medicare", "Medicare No", "Patient"});
                default -> c.pick(new String[] {"NHS", "NHS No", "NHS Number"});
            };
        }

        /** A valid identifier of the pack's scheme, spaced as people write it or bare. */
        String identifier(ClassifierCorpus c, boolean spaced) {
            return switch (pack) {
                case "hipaa" -> String.format(Locale.ROOT, "%08d", 1_000_000 + c.nextInt(90_000_000));
                case "au-privacy" -> {
                    String n = medicare(c);
                    yield spaced ? n.substring(0, 4) + " " + n.substring(4, 9) + " " + n.substring(9) : n;
                }
                default -> {
                    String n = nhs(c);
                    yield spaced ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6) : n;
                }
            };
        }

        /** A number that passes the scheme's check digit, as invoice and order numbers sometimes do. */
        String checksumNumber(ClassifierCorpus c) {
            return switch (pack) {
                case "hipaa" -> String.format(Locale.ROOT, "%08d", 10_000_000 + c.nextInt(89_000_000));
                case "au-privacy" -> medicare(c);
                default -> nhs(c);
            };
        }

        String phone(ClassifierCorpus c) {
            return switch (pack) {
                case "hipaa" -> "(" + (200 + c.nextInt(700)) + ") 555-01" + (10 + c.nextInt(90));
                case "au-privacy" -> "04" + (10 + c.nextInt(90)) + " " + (100 + c.nextInt(900)) + " " + (100 + c.nextInt(900));
                default -> "07700 900" + (100 + c.nextInt(900));
            };
        }

        /** An NHS number in an issued range (400-499 or 600-799 million) with a valid modulus-11 check digit. */
        private static String nhs(ClassifierCorpus c) {
            while (true) {
                int first = c.nextInt(2) == 0 ? 400 + c.nextInt(100) : 600 + c.nextInt(200);
                String body = first + String.format(Locale.ROOT, "%06d", c.nextInt(1_000_000));
                int sum = 0;
                for (int i = 0; i < 9; i++) {
                    sum += (body.charAt(i) - '0') * (10 - i);
                }
                int check = 11 - sum % 11;
                if (check == 10) {
                    continue;
                }
                return body + (check == 11 ? 0 : check);
            }
        }

        /** A Medicare card number: first digit 2-6, check digit on weights 1,3,7,9, an issue number. */
        private static String medicare(ClassifierCorpus c) {
            int[] weights = {1, 3, 7, 9, 1, 3, 7, 9};
            String body = (2 + c.nextInt(5)) + String.format(Locale.ROOT, "%07d", c.nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (body.charAt(i) - '0') * weights[i];
            }
            return body + (sum % 10) + (1 + c.nextInt(9));
        }
    }
}
