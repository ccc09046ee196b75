import GRDB

/// The schema, as a list of migrations applied in order when a store opens.
///
/// A migration that has landed is never edited: a database made by it exists somewhere. Change
/// the schema by adding a migration at the end. Invariants live in the schema itself (NOT NULL,
/// foreign keys, CHECK, and triggers that refuse to change what must stay as written), so no
/// code path can break them. Each migration is literal SQL, repetitive as its guard triggers
/// are: a shared helper, edited later, would silently change a migration that has landed.
enum Migrations {
    static let unitTypes = "'xa', 'phuong', 'thi-tran', 'dac-khu', 'truong', 'nhom-lop-doc-lap', 'ho-gia-dinh'"
    static let isoDate = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units-evidence-audit", migrate: v1)
        migrator.registerMigration("v2-decisions", migrate: v2)
        migrator.registerMigration("v3-users-drafts", migrate: v3)
        return migrator
    }

    /// Units with their dated attributes and lineage, evidence revisions, imports, audit log.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE province (
                name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0)
            );
            -- A unit: its identity, and what it was when first registered (name, province, commune
            -- for schools and homes, the attributes its class is derived from) from `validFrom`.
            CREATE TABLE unit (
                id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
                unitType TEXT NOT NULL CHECK (unitType IN (\(unitTypes))),
                validFrom TEXT NOT NULL CHECK (validFrom \(isoDate)),
                name TEXT NOT NULL CHECK (length(name) > 0),
                province TEXT NOT NULL REFERENCES province(name),
                commune TEXT CHECK (commune IS NULL OR length(commune) > 0),
                attributes TEXT NOT NULL CHECK (substr(attributes, 1, 1) = '{' AND substr(attributes, -1, 1) = '}'),
                registeredAt TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX unit_commune ON unit(commune) WHERE commune IS NOT NULL;
            -- What a unit became from a later (or earlier) date: a change adds a row; none is
            -- rewritten. `seq` orders the versions recorded for one unit and date.
            CREATE TABLE unitVersion (
                unitId TEXT NOT NULL REFERENCES unit(id),
                validFrom TEXT NOT NULL CHECK (validFrom \(isoDate)),
                seq INTEGER NOT NULL CHECK (seq >= 1),
                name TEXT NOT NULL CHECK (length(name) > 0),
                province TEXT NOT NULL REFERENCES province(name),
                commune TEXT CHECK (commune IS NULL OR length(commune) > 0),
                attributes TEXT NOT NULL CHECK (substr(attributes, 1, 1) = '{' AND substr(attributes, -1, 1) = '}'),
                recordedAt TEXT NOT NULL,
                PRIMARY KEY (unitId, validFrom, seq)
            ) WITHOUT ROWID;
            CREATE INDEX unitVersion_commune ON unitVersion(commune) WHERE commune IS NOT NULL;
            -- Every version of every unit, the registration first (seq 0).
            CREATE VIEW unitVersions AS
                SELECT id AS unitId, validFrom, 0 AS seq, name, province, commune, attributes, registeredAt AS recordedAt FROM unit
                UNION ALL
                SELECT unitId, validFrom, seq, name, province, commune, attributes, recordedAt FROM unitVersion;
            -- A merger or split: the predecessor keeps its identity, evidence and decisions.
            CREATE TABLE unitLineage (
                predecessor TEXT NOT NULL REFERENCES unit(id),
                successor TEXT NOT NULL REFERENCES unit(id),
                effectiveDate TEXT NOT NULL CHECK (effectiveDate \(isoDate)),
                document TEXT,
                recordedAt TEXT NOT NULL,
                PRIMARY KEY (predecessor, successor),
                CHECK (predecessor <> successor)
            ) WITHOUT ROWID;
            CREATE INDEX unitLineage_successor ON unitLineage(successor);
            CREATE TABLE evidenceImport (
                id INTEGER PRIMARY KEY,
                startedAt TEXT NOT NULL,
                author TEXT NOT NULL CHECK (length(author) > 0),
                reason TEXT NOT NULL CHECK (length(reason) > 0),
                files TEXT NOT NULL CHECK (json_valid(files)),
                stored INTEGER NOT NULL DEFAULT 0 CHECK (stored >= 0),
                unchanged INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
                rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0)
            );
            -- The column lists stored evidence records follow, named by their hash.
            CREATE TABLE evidenceLayout (
                id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 64),
                standardId TEXT NOT NULL CHECK (length(standardId) > 0),
                columns TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'array')
            ) WITHOUT ROWID;
            -- Evidence for one unit, standard and period, as revisions: a correction is a new
            -- revision. Its author, time and reason are its import's; the source document is its own.
            CREATE TABLE evidenceRevision (
                id INTEGER PRIMARY KEY,
                unitId TEXT NOT NULL REFERENCES unit(id),
                standardId TEXT NOT NULL CHECK (length(standardId) > 0),
                periodFrom TEXT NOT NULL CHECK (periodFrom \(isoDate)),
                periodTo TEXT NOT NULL CHECK (periodTo \(isoDate)),
                revision INTEGER NOT NULL CHECK (revision >= 1),
                layoutId TEXT NOT NULL REFERENCES evidenceLayout(id),
                -- The record names its layout first; json_valid would parse every record twice over.
                snapshot TEXT NOT NULL CHECK (substr(snapshot, 1, 11) = '{"layout":"' AND substr(snapshot, 12, 64) = layoutId),
                document TEXT,
                importId INTEGER NOT NULL REFERENCES evidenceImport(id),
                CHECK (periodFrom <= periodTo),
                UNIQUE (unitId, standardId, periodFrom, periodTo, revision)
            );
            CREATE TRIGGER unit_immutable BEFORE UPDATE ON unit
            BEGIN SELECT RAISE(ABORT, 'units are never changed: a change is a new version'); END;
            CREATE TRIGGER unit_kept BEFORE DELETE ON unit
            BEGIN SELECT RAISE(ABORT, 'units are never deleted'); END;
            CREATE TRIGGER unitVersion_immutable BEFORE UPDATE ON unitVersion
            BEGIN SELECT RAISE(ABORT, 'unit versions are never changed: add a version'); END;
            CREATE TRIGGER unitVersion_kept BEFORE DELETE ON unitVersion
            BEGIN SELECT RAISE(ABORT, 'unit versions are never deleted'); END;
            CREATE TRIGGER unitLineage_immutable BEFORE UPDATE ON unitLineage
            BEGIN SELECT RAISE(ABORT, 'mergers are never changed'); END;
            CREATE TRIGGER unitLineage_kept BEFORE DELETE ON unitLineage
            BEGIN SELECT RAISE(ABORT, 'mergers are never deleted'); END;
            CREATE TRIGGER evidenceLayout_immutable BEFORE UPDATE ON evidenceLayout
            BEGIN SELECT RAISE(ABORT, 'evidence layouts are never changed'); END;
            CREATE TRIGGER evidenceLayout_kept BEFORE DELETE ON evidenceLayout
            BEGIN SELECT RAISE(ABORT, 'evidence layouts are never deleted'); END;
            CREATE TRIGGER evidenceRevision_immutable BEFORE UPDATE ON evidenceRevision
            BEGIN SELECT RAISE(ABORT, 'evidence revisions are never changed: add a revision'); END;
            CREATE TRIGGER evidenceRevision_kept BEFORE DELETE ON evidenceRevision
            BEGIN SELECT RAISE(ABORT, 'evidence revisions are never deleted'); END;
            CREATE TABLE auditLog (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (length(actor) > 0),
                action TEXT NOT NULL CHECK (action IN ('init', 'import', 'merge', 'decide')),
                subject TEXT NOT NULL CHECK (length(subject) > 0),
                detail TEXT NOT NULL
            );
            CREATE TRIGGER auditLog_appendOnly BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditLog_kept BEFORE DELETE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }

    /// Decisions, immutable, with the criteria content they were made by.
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            -- The criteria files a decision was made by, kept so it can be re-made years later.
            CREATE TABLE criteriaVersion (
                hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
                standardId TEXT NOT NULL CHECK (length(standardId) > 0),
                files TEXT NOT NULL CHECK (json_valid(files) AND json_type(files) = 'object'),
                storedAt TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TRIGGER criteriaVersion_immutable BEFORE UPDATE ON criteriaVersion
            BEGIN SELECT RAISE(ABORT, 'criteria versions are never changed'); END;
            CREATE TRIGGER criteriaVersion_kept BEFORE DELETE ON criteriaVersion
            BEGIN SELECT RAISE(ABORT, 'criteria versions are never deleted'); END;
            CREATE TABLE decision (
                id INTEGER PRIMARY KEY,
                unitId TEXT NOT NULL REFERENCES unit(id),
                standardId TEXT NOT NULL CHECK (length(standardId) > 0),
                periodFrom TEXT NOT NULL CHECK (periodFrom \(isoDate)),
                periodTo TEXT NOT NULL CHECK (periodTo \(isoDate)),
                evidenceRevisionId INTEGER NOT NULL REFERENCES evidenceRevision(id),
                evidenceHash TEXT NOT NULL CHECK (length(evidenceHash) = 64),
                criteriaHash TEXT NOT NULL REFERENCES criteriaVersion(hash),
                engineVersion TEXT NOT NULL CHECK (length(engineVersion) > 0),
                outcome TEXT NOT NULL CHECK (outcome IN ('recognized', 'notRecognized', 'undetermined')),
                provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
                total INTEGER CHECK (total IS NULL OR total >= 0),
                maximum INTEGER NOT NULL CHECK (maximum > 0),
                threshold INTEGER CHECK (threshold IS NULL OR threshold >= 0),
                unitClass TEXT,
                itemsMet INTEGER CHECK (itemsMet IS NULL OR itemsMet >= 0),
                itemsApplicable INTEGER CHECK (itemsApplicable IS NULL OR itemsApplicable >= 0),
                mandatoryMet INTEGER CHECK (mandatoryMet IS NULL OR mandatoryMet >= 0),
                mandatoryApplicable INTEGER CHECK (mandatoryApplicable IS NULL OR mandatoryApplicable >= 0),
                trace TEXT NOT NULL,
                decisionHash TEXT NOT NULL CHECK (length(decisionHash) = 64),
                supersedes INTEGER UNIQUE REFERENCES decision(id),
                decidedAt TEXT NOT NULL,
                decidedBy TEXT NOT NULL CHECK (length(decidedBy) > 0),
                CHECK (total IS NULL OR total <= maximum),
                CHECK (itemsMet IS NULL OR itemsMet <= itemsApplicable),
                CHECK (mandatoryMet IS NULL OR mandatoryMet <= mandatoryApplicable),
                CHECK (supersedes IS NULL OR supersedes < id)
            );
            CREATE INDEX decision_unit ON decision(unitId, standardId, periodFrom, periodTo);
            CREATE TABLE decisionCriterion (
                decisionId INTEGER NOT NULL REFERENCES decision(id),
                criterionId TEXT NOT NULL CHECK (length(criterionId) > 0),
                points INTEGER CHECK (points IS NULL OR points >= 0),
                maximum INTEGER NOT NULL CHECK (maximum >= 0),
                CHECK (points IS NULL OR points <= maximum),
                PRIMARY KEY (decisionId, criterionId)
            ) WITHOUT ROWID;
            CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision
            BEGIN SELECT RAISE(ABORT, 'decisions are never changed: decide again to supersede'); END;
            CREATE TRIGGER decision_kept BEFORE DELETE ON decision
            BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
            CREATE TRIGGER decisionCriterion_immutable BEFORE UPDATE ON decisionCriterion
            BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END;
            CREATE TRIGGER decisionCriterion_kept BEFORE DELETE ON decisionCriterion
            BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
            """)
    }

    /// People who sign in to the web application, the units an evaluator is assigned, checklist
    /// drafts, store settings, and the audit log's new actions (sign-in, refusals, drafts, users).
    static func v3(_ db: Database) throws {
        // SQLite cannot widen a CHECK in place: the audit log is copied into a table with the new
        // list of actions, ids and all, and renamed. Dropping the old table drops its triggers
        // without firing them; the new table gets them again.
        try db.execute(sql: """
            CREATE TABLE auditLog_v3 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (length(actor) > 0),
                action TEXT NOT NULL CHECK (action IN ('init', 'import', 'merge', 'decide', 'user', 'signIn',
                                                       'signInFailed', 'denied', 'draft')),
                subject TEXT NOT NULL CHECK (length(subject) > 0),
                detail TEXT NOT NULL
            );
            INSERT INTO auditLog_v3 (id, at, actor, action, subject, detail)
                SELECT id, at, actor, action, subject, detail FROM auditLog ORDER BY id;
            DROP TABLE auditLog;
            ALTER TABLE auditLog_v3 RENAME TO auditLog;
            CREATE TRIGGER auditLog_appendOnly BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditLog_kept BEFORE DELETE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            -- A person who signs in. A school account belongs to one school; an evaluator sees
            -- the units in `userUnit`. The password is kept only as a bcrypt hash.
            CREATE TABLE user (
                name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
                role TEXT NOT NULL CHECK (role IN ('admin', 'evaluator', 'school', 'viewer')),
                passwordHash TEXT NOT NULL CHECK (substr(passwordHash, 1, 4) IN ('$2a$', '$2b$', '$2y$') AND length(passwordHash) = 60),
                school TEXT REFERENCES unit(id),
                createdAt TEXT NOT NULL,
                createdBy TEXT NOT NULL CHECK (length(createdBy) > 0),
                CHECK ((role = 'school') = (school IS NOT NULL))
            ) WITHOUT ROWID;
            CREATE TRIGGER user_kept BEFORE DELETE ON user
            BEGIN SELECT RAISE(ABORT, 'users are never deleted: the audit log names them'); END;
            CREATE TABLE userUnit (
                userName TEXT NOT NULL REFERENCES user(name),
                unitId TEXT NOT NULL REFERENCES unit(id),
                assignedAt TEXT NOT NULL,
                PRIMARY KEY (userName, unitId)
            ) WITHOUT ROWID;
            -- A checklist being filled in: working state, replaced at each save and removed when
            -- submitted (the submission is an evidence revision; the audit log keeps every save).
            CREATE TABLE checklistDraft (
                unitId TEXT NOT NULL REFERENCES unit(id),
                standardId TEXT NOT NULL CHECK (length(standardId) > 0),
                answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'object'),
                savedBy TEXT NOT NULL CHECK (length(savedBy) > 0),
                savedAt TEXT NOT NULL,
                PRIMARY KEY (unitId, standardId)
            ) WITHOUT ROWID;
            -- Settings of the store as a whole, such as that it holds demonstration data.
            CREATE TABLE setting (
                key TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
