from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from hotline.reports import MAX_BODY_CHARS


class ReportForm(FlaskForm):
    category = RadioField(
        _l("What is it about?"),
        choices=[
            SelectChoice("", _l("Not sure: let the hotline decide")),
            SelectChoice("environment",
                         _l("Needles, drug litter, street lighting or other street problems")),
            SelectChoice("treatment", _l("Help with drugs or alcohol, for me or someone close")),
            SelectChoice("intelligence", _l("Information about dealing (anonymous)")),
        ],
        default="",
        validators=[Optional()],
    )
    body = TextAreaField(
        _l("What is happening?"),
        validators=[DataRequired(message=_l("Please tell us what is happening.")),
                    Length(max=MAX_BODY_CHARS)],
    )
    place = StringField(_l("Where? (street, estate, park or postcode; optional)"),
                        validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Send report"))
