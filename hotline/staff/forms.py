from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    next = HiddenField()


class StatusForm(FlaskForm):
    status = SelectField("New status", choices=[])
    note = TextAreaField("What was done", validators=[DataRequired(), Length(max=2000)])


class RerouteForm(FlaskForm):
    queue = SelectField("Move to queue", choices=[])
    note = TextAreaField("Why", validators=[DataRequired(), Length(max=2000)])
