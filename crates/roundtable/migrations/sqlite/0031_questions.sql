-- Ask an expert: a member's question, routed by topic and language to a few experts.

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asker_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- An expertise area and a language (the vocabularies' keys).
    area TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    -- Asked of one chosen expert rather than routed.
    direct BOOLEAN NOT NULL DEFAULT FALSE,
    -- The asker allows publishing to the network forum; experts see this before answering.
    publishable BOOLEAN NOT NULL DEFAULT FALSE,
    -- The forum thread it was published as.
    thread_id INTEGER REFERENCES threads(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX questions_asker ON questions(asker_id, created_at);
CREATE INDEX questions_unanswered ON questions(answered_at, created_at);

-- Who a question was sent to.
CREATE TABLE question_experts (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    expert_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    routed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (question_id, expert_id)
);
CREATE INDEX question_experts_expert ON question_experts(expert_id);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX answers_question ON answers(question_id, id);

ALTER TABLE notifications ADD COLUMN question_id INTEGER REFERENCES questions(id) ON DELETE CASCADE;
