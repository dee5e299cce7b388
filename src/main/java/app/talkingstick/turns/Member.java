package app.talkingstick.turns;

record Member(String id, boolean staff, boolean present, long joinSeq) {

    Member withPresent(boolean now) {
        return new Member(id, staff, now, joinSeq);
    }
}
